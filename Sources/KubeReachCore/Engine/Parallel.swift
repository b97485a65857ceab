import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Runs independent pieces of work on all cores (the core stays free of Foundation).
public enum Parallel {
    public static let cores: Int = {
        #if canImport(Glibc)
            return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
            return 1
        #endif
    }()

    /// `transform` applied to each element, concurrently; results in input order.
    public static func map<T: Sendable>(_ items: Range<Int>, _ transform: @Sendable (Int) -> T) -> [T] {
        let box = ResultBox<T>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in box.set(transform(items.lowerBound + i), at: i) }
        return box.values
    }
}

/// Slots written once each by concurrent workers, read after all have finished.
private final class ResultBox<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = Mutex()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ value: T, at i: Int) { lock.locked { slots[i] = value } }

    var values: [T] { lock.locked { slots.map { $0! } } }
}

/// A pthread mutex, so the pure core needs neither Foundation nor the Synchronization module.
private final class Mutex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func locked<R>(_ body: () -> R) -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
