import BitCollections

extension ReachabilityBuilder {
    /// A rule resolved against one destination port list.
    struct NamedPortKey: Hashable {
        var policy: Int
        var rule: Int
        var portList: Int
    }

    private struct RowKey: Hashable {
        var direction: PolicyDirection
        var policies: [Int]
        /// The destination's port list when a rule names ports (ingress only), else -1.
        var portList: Int
    }

    /// One row per distinct (direction, applying policies[, port list]); identities that are
    /// not isolated (or are hostNetwork pods) get -1, meaning "everything".
    mutating func buildRows() {
        var rowOfKey: [RowKey: Int32] = [:]
        var namedMemo: [NamedPortKey: UInt32] = [:]
        ingressRowOfIdentity = Array(repeating: -1, count: identities.count)
        egressRowOfIdentity = Array(repeating: -1, count: identities.count)
        let bypass = options.hostNetwork == .bypass
        for id in 0..<identities.count where !(bypass && identities.keys[id].hostNetwork) {
            for direction in PolicyDirection.allCases {
                let policies = direction == .ingress ? ingressPolicies[id] : egressPolicies[id]
                if policies.isEmpty { continue }
                let named = direction == .ingress
                    && policies.contains { compiled[$0].ingress!.contains(where: \.hasNamedPorts) }
                let key = RowKey(
                    direction: direction, policies: policies, portList: named ? identities.portListOfIdentity[id] : -1)
                let row: Int32
                if let existing = rowOfKey[key] {
                    row = existing
                } else {
                    row = Int32(rows.count)
                    rows.append(
                        direction == .ingress
                            ? ingressRow(policies, destinationPorts: identities.portLists[identities.portListOfIdentity[id]])
                            : egressRow(policies, memo: &namedMemo))
                    rowOfKey[key] = row
                }
                if direction == .ingress { ingressRowOfIdentity[id] = row } else { egressRowOfIdentity[id] = row }
            }
        }
    }

    /// What an isolated destination admits, per source column.
    private mutating func ingressRow(_ policies: [Int], destinationPorts: [ContainerPort]) -> [UInt32] {
        var row = [UInt32](repeating: ConnectionTable.none, count: identities.count + sourceAtoms.atoms.count + destinationAtoms.atoms.count)
        for ci in policies {
            for rule in compiled[ci].ingress! {
                let conn = rule.hasNamedPorts
                    ? table.intern(rule.ports.connections(destinationPorts: destinationPorts)) : rule.fixedConnections
                if conn == ConnectionTable.none { continue }
                for column in rule.peers { row[column] = table.union(row[column], conn) }
            }
        }
        return row
    }

    /// What an isolated source may send, per destination column; named ports resolve on
    /// each destination identity's port list and never on external destinations.
    private mutating func egressRow(_ policies: [Int], memo: inout [NamedPortKey: UInt32]) -> [UInt32] {
        let podColumns = identities.count
        var row = [UInt32](repeating: ConnectionTable.none, count: podColumns + sourceAtoms.atoms.count + destinationAtoms.atoms.count)
        for ci in policies {
            for (ri, rule) in compiled[ci].egress!.enumerated() {
                for column in rule.peers {
                    var conn = rule.fixedConnections
                    if rule.hasNamedPorts && column < podColumns {
                        let portList = identities.portListOfIdentity[column]
                        let memoKey = NamedPortKey(policy: ci, rule: ri, portList: portList)
                        if let m = memo[memoKey] {
                            conn = m
                        } else {
                            conn = table.intern(rule.ports.connections(destinationPorts: identities.portLists[portList]))
                            memo[memoKey] = conn
                        }
                    }
                    if conn != ConnectionTable.none { row[column] = table.union(row[column], conn) }
                }
            }
        }
        return row
    }
}
