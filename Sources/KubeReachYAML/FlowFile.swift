import Foundation
import KubeReachCore

/// Reads `--from-flows FILE`: CSV (`src,dst,port,protocol`), JSON lines
/// (`{"src", "dst", "port", "protocol"}`), or Hubble's JSON export (`hubble observe -o json`,
/// with or without the outer `flow` key). The format is told by the first non-blank line.
public enum FlowFile {
    public static func read(_ path: String) throws(InputFileError) -> [FlowLine] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputFileError(file: path, line: nil, message: "cannot read the flow file")
        }
        // Split on the byte: splitting on the Character "\n" walks grapheme clusters.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        let json = lines.first { !$0.trimmingWhitespace().isEmpty }?.trimmingWhitespace().hasPrefix("{") ?? false
        var out: [FlowLine] = []
        for (n, raw) in lines.enumerated() {
            let line = raw.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let parsed = json ? jsonLine(line, n + 1) : csvLine(line, n + 1, first: out.isEmpty) { out.append(parsed) }
        }
        return out
    }

    /// `src,dst,port[,protocol]`; the header line is skipped.
    static func csvLine(_ line: String, _ n: Int, first: Bool) -> FlowLine? {
        guard let f = CSVFields.split(Substring(line)) else { return .problem(line: n, message: "unclosed quote") }
        if first && f.first?.lowercased() == "src" { return nil }
        guard f.count == 3 || f.count == 4 else {
            return .problem(line: n, message: "expected src,dst,port,protocol, got \(f.count) field(s)")
        }
        return flow(src: .reference(f[0]), dst: .reference(f[1]), port: f[2], proto: f.count == 4 ? f[3] : "TCP", n)
    }

    static func jsonLine(_ line: String, _ n: Int) -> FlowLine {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
            return .problem(line: n, message: "not a JSON object")
        }
        if let src = object["src"], let dst = object["dst"] {
            let text = { (v: Any) in (v as? String) ?? "\(v)" }
            return flow(
                src: .reference(text(src)), dst: .reference(text(dst)), port: object["port"].map(text) ?? "",
                proto: object["protocol"].map(text) ?? "TCP", n)
        }
        if let lost = object["lost_events"] as? [String: Any] {
            return .problem(
                line: n, message: "Hubble lost \(lost["num_events_lost"] as? Int ?? 0) event(s) here: flows are missing from the export")
        }
        let f = (object["flow"] as? [String: Any]) ?? object
        guard f["source"] != nil || f["IP"] != nil else {
            return .problem(line: n, message: "neither a flow (src, dst, port, protocol) nor a Hubble flow (flow.source, flow.destination)")
        }
        if let verdict = f["verdict"] as? String, verdict != "FORWARDED" {
            return .skipped(line: n, reason: "verdict \(verdict)")
        }
        // A reply travels from the server back to the client: the connection it belongs to
        // was opened the other way, by a flow of its own.
        if (f["is_reply"] as? Bool) == true { return .skipped(line: n, reason: "reply") }
        let ip = f["IP"] as? [String: Any]
        let l4 = f["l4"] as? [String: Any] ?? [:]
        guard let (protoName, ports) = ["TCP", "UDP", "SCTP"].lazy.compactMap({ p in (l4[p] as? [String: Any]).map { (p, $0) } }).first
        else {
            return .problem(line: n, message: "no TCP, UDP or SCTP layer (l4: \(l4.keys.sorted().joined(separator: ",")))")
        }
        let port = (ports["destination_port"] as? Int).map(String.init) ?? ""
        return flow(
            src: hubble(f["source"], ip: ip?["source"]), dst: hubble(f["destination"], ip: ip?["destination"]), port: port,
            proto: protoName, n)
    }

    static func hubble(_ endpoint: Any?, ip: Any?) -> FlowRecord.End {
        let e = endpoint as? [String: Any] ?? [:]
        let w = (e["workloads"] as? [[String: Any]])?.first.flatMap { w in
            (w["name"] as? String).map { (kind: w["kind"] as? String, name: $0) }
        }
        return .observed(namespace: e["namespace"] as? String, pod: e["pod_name"] as? String, workload: w, ip: ip as? String)
    }

    static func flow(src: FlowRecord.End, dst: FlowRecord.End, port: String, proto: String, _ n: Int) -> FlowLine {
        guard let p = NetworkProtocol(name: proto) else {
            return .problem(line: n, message: "unknown protocol '\(proto)' (TCP, UDP or SCTP)")
        }
        guard let number = Int(port), (PortSet.minPort...PortSet.maxPort).contains(number) else {
            return .problem(line: n, message: "invalid port '\(port)'")
        }
        return .flow(FlowRecord(source: src, destination: dst, proto: p, port: number, line: n))
    }
}
