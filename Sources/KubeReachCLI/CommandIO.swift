import KubeReachCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where commands write. Tests swap it for buffers; the real binary writes to the
/// standard streams. Carried in a task-local so that commands stay plain structs.
public struct CommandIO: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    /// Binary output (PNG) to stdout. Without one, bytes go to `out` as UTF-8 text.
    public var outBytes: @Sendable ([UInt8]) -> Void
    /// Whether stderr is a terminal (colour and progress only then).
    public var errIsTerminal: Bool
    /// Whether stdout is a terminal (binary output is refused there).
    public var outIsTerminal: Bool

    public init(
        out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
        outBytes: (@Sendable ([UInt8]) -> Void)? = nil, errIsTerminal: Bool = false, outIsTerminal: Bool = false
    ) {
        self.out = out
        self.err = err
        self.outBytes = outBytes ?? { out(String(decoding: $0, as: UTF8.self)) }
        self.errIsTerminal = errIsTerminal
        self.outIsTerminal = outIsTerminal
    }

    public static let standard = CommandIO(
        out: { text in
            var text = text
            text.withUTF8 { writeAll($0, to: 1) }
        },
        err: { text in
            var text = text
            text.withUTF8 { writeAll($0, to: 2) }
        },
        outBytes: { bytes in bytes.withUnsafeBufferPointer { writeAll($0, to: 1) } },
        errIsTerminal: isatty(2) != 0 && getenv("NO_COLOR") == nil,
        outIsTerminal: isatty(1) != 0
    )

    /// Writes every byte to a file descriptor, retrying short writes and EINTR.
    private static func writeAll(_ buf: UnsafeBufferPointer<UInt8>, to fd: Int32) {
        guard let base = buf.baseAddress else { return }
        var offset = 0
        while offset < buf.count {
            let n = write(fd, base + offset, buf.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }

    @TaskLocal public static var current: CommandIO = .standard

    /// The one place a diagnostic becomes a line on stderr, its severity coloured on a
    /// terminal. Every warning, note and error of every command comes through here.
    public func report(_ d: Diagnostic) {
        let line = d.description
        guard errIsTerminal else { return err(line + "\n") }
        let severity = d.severity.rawValue
        let colour = d.severity == .error ? "\u{1B}[31m" : d.severity == .warning ? "\u{1B}[33m" : "\u{1B}[36m"
        let marked = line.replacing("\(severity): ", with: "\(colour)\(severity):\u{1B}[0m ", maxReplacements: 1)
        err(marked + "\n")
    }
}
