import Foundation

/// The number of cores to use for parallel reading.
enum ProcessInfoLite {
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
}

/// A minimal lock (Foundation's NSLock) with a closure helper.
final class NSLockLite: @unchecked Sendable {
    private let lock = NSLock()

    func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
