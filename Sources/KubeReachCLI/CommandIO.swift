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
    /// Whether stderr is a terminal (colour and progress only then).
    public var errIsTerminal: Bool

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, errIsTerminal: Bool = false) {
        self.out = out
        self.err = err
        self.errIsTerminal = errIsTerminal
    }

    public static let standard = CommandIO(
        out: { writeAll($0, to: 1) },
        err: { writeAll($0, to: 2) },
        errIsTerminal: isatty(2) != 0 && getenv("NO_COLOR") == nil
    )

    /// Writes every byte to a file descriptor, retrying short writes and EINTR.
    private static func writeAll(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { buf in
            var offset = 0
            while offset < buf.count {
                let n = write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }

    @TaskLocal public static var current: CommandIO = .standard

    /// Writes one diagnostic line to stderr, the severity coloured on a terminal.
    func report(_ line: String, severity: String) {
        guard errIsTerminal else { return err(line + "\n") }
        let colour = severity == "error" ? "\u{1B}[31m" : severity == "warning" ? "\u{1B}[33m" : "\u{1B}[36m"
        let marked = line.replacing("\(severity): ", with: "\(colour)\(severity):\u{1B}[0m ", maxReplacements: 1)
        err(marked + "\n")
    }
}
