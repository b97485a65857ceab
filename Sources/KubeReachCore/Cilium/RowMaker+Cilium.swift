import BitCollections

extension RowMaker {
    /// A row under Cilium (Docs/semantics.md, Cilium): allows add up across the
    /// NetworkPolicy row and every Cilium allow rule (ingress from the endpoint's own node
    /// too, with `allow-localhost`); any deny rule removes what it covers; what is left is
    /// the row when the endpoint is in default deny, else everything minus the denies.
    mutating func ciliumRow(_ direction: PolicyDirection, _ key: CiliumRowKey, networkPolicies: [UInt32]?) -> [UInt32] {
        let data = cilium!
        var allow = networkPolicies ?? [UInt32](repeating: ConnectionTable.none, count: columns)
        var deny = [UInt32](repeating: ConnectionTable.none, count: columns)
        for si in key.specs {
            let part = data.compiled[si].direction(direction)!
            for rule in part.allows { add(rule, to: &allow, direction, key, data.columns) }
            for rule in part.denies { add(rule, to: &deny, direction, key, data.columns) }
        }
        if direction == .ingress && key.isolated && data.allowLocalhost {
            for column in data.columns.host(key.node) { allow[column] = ConnectionTable.all }
        }
        for column in 0..<columns {
            let base = key.isolated ? allow[column] : ConnectionTable.all
            allow[column] = deny[column] == ConnectionTable.none ? base : table.subtracting(base, deny[column])
        }
        return allow
    }

    /// Adds what one rule covers at each of its peer columns (named ports resolve on the
    /// destination: the endpoint in ingress, the peer pod in egress, never an address).
    private mutating func add(
        _ rule: CompiledCiliumSpec.Rule, to row: inout [UInt32], _ direction: PolicyDirection, _ key: CiliumRowKey,
        _ columns: CiliumColumns
    ) {
        var peers = rule.peers
        if rule.host { peers.formUnion(columns.host(key.node)) }
        if rule.remoteNode { peers.formUnion(columns.remoteNode(key.node)) }
        let named = rule.rule.hasNamedPorts
        var byPortList: [Int: UInt32] = [:]
        for column in peers {
            var conn = rule.fixedConnections
            if named {
                let portList =
                    direction == .ingress ? key.portList : column < identities.count ? identities.portListOfIdentity[column] : -1
                if portList >= 0 {
                    if let known = byPortList[portList] {
                        conn = known
                    } else {
                        conn = table.intern(rule.rule.connections(destinationPorts: identities.portLists[portList]))
                        byPortList[portList] = conn
                    }
                }
            }
            if conn != ConnectionTable.none { row[column] = table.union(row[column], conn) }
        }
    }
}
