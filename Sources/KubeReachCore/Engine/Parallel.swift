import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs independent pieces of work on all cores (the core stays free of Foundation).
public enum Parallel {
    /// Online processors, as the C library reports them (1 if it cannot say).
    public static let cores: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// `transform` applied to each element, concurrently; results in input order.
    public static func map<T: Sendable>(_ items: Range<Int>, _ transform: @Sendable (Int) -> T) -> [T] {
        let slots = Mutex([T?](repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            let value = transform(items.lowerBound + i)
            slots.withLock { $0[i] = value }
        }
        return slots.withLock { $0.map { $0! } }
    }
}
