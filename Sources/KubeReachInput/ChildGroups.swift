import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process groups of the children running now, so that SIGINT, SIGTERM or SIGHUP to
/// kubereach kills them (each child leads its own group, so a Ctrl-C at the terminal no
/// longer reaches it by itself) before kubereach dies of the same signal. SIGKILL cannot be
/// caught: a kubereach killed that way leaves its children to their own timeouts.
///
/// The signal handler may only make async-signal-safe calls, so the groups live in a fixed
/// array of slots that it reads without a lock; writers take `lock`.
enum ChildGroups {
    static let capacity = 64
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<pid_t> = {
        let p = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()
    static let lock = NSLock()
    /// Held while pipes are made and a child spawned (see `SpawnedChild.spawn`).
    static let spawnLock = NSLock()
    nonisolated(unsafe) private static var installed = false

    static func add(_ group: pid_t) {
        lock.withLock {
            if let free = (0..<capacity).first(where: { slots[$0] == 0 }) { slots[free] = group }
        }
    }

    static func remove(_ group: pid_t) {
        lock.withLock {
            for i in 0..<capacity where slots[i] == group { slots[i] = 0 }
        }
    }

    /// The groups running now (tests).
    static var running: [pid_t] { lock.withLock { (0..<capacity).map { slots[$0] }.filter { $0 != 0 } } }

    /// Installs the handler once, for each of SIGINT, SIGTERM and SIGHUP that is not ignored
    /// (`nohup` keeps SIGHUP ignored).
    static func installSignalHandlers() {
        lock.withLock {
            guard !installed else { return }
            installed = true
            _ = slots
            for s in [SIGINT, SIGTERM, SIGHUP] {
                var action = sigaction(), old = sigaction()
                #if os(Linux)
                    action.__sigaction_handler.sa_handler = killChildrenAndDie
                #else
                    action.__sigaction_u.__sa_handler = killChildrenAndDie
                #endif
                sigemptyset(&action.sa_mask)
                guard sigaction(s, nil, &old) == 0, !isIgnored(old) else { continue }
                sigaction(s, &action, nil)
            }
        }
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if os(Linux)
            let handler = action.__sigaction_handler.sa_handler
        #else
            let handler = action.__sigaction_u.__sa_handler
        #endif
        guard let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == 1  // SIG_IGN
    }
}

/// Kills every child group, then dies of the same signal (async-signal-safe calls only).
private func killChildrenAndDie(_ number: Int32) {
    let slots = ChildGroups.slots
    for i in 0..<ChildGroups.capacity where slots[i] > 0 { kill(-slots[i], SIGKILL) }
    _ = signal(number, SIG_DFL)
    raise(number)
}
