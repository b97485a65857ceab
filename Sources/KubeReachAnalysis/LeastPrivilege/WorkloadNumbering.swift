import KubeReachCore

/// Workloads numbered in the byte order of their names — the order `Reachability.edges`
/// lists them in — so that pair tables are keyed by integers, never by a `WorkloadRef`
/// hashed as three strings per pair, and are read out already sorted.
struct WorkloadNumbering {
    /// Workloads by number: those given to `init` in name order, then any `adding` numbered.
    private(set) var refs: [WorkloadRef]
    private var numbers: [WorkloadRef: Int]

    init(_ workloads: some Sequence<WorkloadRef>) {
        refs = Set(workloads).map { ($0.description, $0) }.sorted { $0.0.utf8Precedes($1.0) }.map(\.1)
        var numbers: [WorkloadRef: Int] = [:]
        for (i, w) in refs.enumerated() { numbers[w] = i }
        self.numbers = numbers
    }

    var count: Int { refs.count }

    /// The number of a workload, nil when it is not one of the numbered.
    func number(_ w: WorkloadRef) -> Int? { numbers[w] }

    /// The number of a workload, tried first as the one after `previous`: the destinations
    /// of a list sorted by name mostly come in turn, and comparing two names is cheaper than
    /// hashing one.
    func number(_ w: WorkloadRef, after previous: Int) -> Int? {
        previous + 1 < refs.count && refs[previous + 1] == w ? previous + 1 : numbers[w]
    }

    /// The number of a workload, a new one (after every other) when it had none.
    mutating func number(adding w: WorkloadRef, after previous: Int = -2) -> Int {
        if previous >= -1, let n = number(w, after: previous) { return n }
        if let n = numbers[w] { return n }
        numbers[w] = refs.count
        refs.append(w)
        return refs.count - 1
    }
}
