import KubeReachCore
import Testing

/// Calico's selector language, case by case against libcalico-go's documented behaviour:
/// the absent-label rules, operator precedence, quoting, and located errors.
@Suite struct CalicoSelectorTests {
    static let web: [String: String] = ["app": "web", "tier": "frontend", "env": "prod-eu", "team.io/owner": "a-b"]
    static let bare: [String: String] = [:]

    /// (selector, labels, expected match)
    static let matching: [(String, [String: String], Bool)] = [
        ("", web, true), ("", bare, true), ("all()", web, true), ("all( )", bare, true), ("global()", web, true),
        ("app == 'web'", web, true), ("app == \"web\"", web, true), ("app == 'db'", web, false), ("app == 'web'", bare, false),
        ("app != 'db'", web, true), ("app != 'web'", web, false), ("app != 'web'", bare, true),
        ("has(app)", web, true), ("has( app )", web, true), ("has(db)", web, false), ("!has(db)", web, true), ("!has(app)", bare, true),
        ("app in {'web', 'db'}", web, true), ("app in {'db'}", web, false), ("app in {}", web, false), ("app in {'web',}", web, true),
        ("app in {'web'}", bare, false), ("app not in {'db'}", web, true), ("app not in {'web'}", web, false),
        ("app not in {'web'}", bare, true), ("app not in {}", web, true), ("app notin {'x'}", web, true),
        ("env contains 'od-'", web, true), ("env contains 'us'", web, false), ("env contains ''", web, true),
        ("env contains 'x'", bare, false),
        ("env starts with 'prod'", web, true), ("env starts with 'eu'", web, false), ("env startswith 'prod'", web, true),
        ("env ends with '-eu'", web, true), ("env ends with 'prod'", web, false), ("env ends with 'x'", bare, false),
        ("app == 'web' && tier == 'frontend'", web, true), ("app == 'web' && tier == 'db'", web, false),
        ("app == 'db' || tier == 'frontend'", web, true), ("app == 'db' || tier == 'db'", web, false),
        ("app == 'db' || app == 'web' && tier == 'db'", web, false), ("(app == 'db' || app == 'web') && tier == 'frontend'", web, true),
        ("app == 'web' || app == 'db' && tier == 'db'", web, true), ("!(app == 'web')", web, false), ("!(app == 'web')", bare, true),
        ("!!has(app)", web, true), ("!!!has(app)", web, false), ("! has(app)", web, false),
        ("!(app == 'web' && has(db))", web, true), ("((app == 'web'))", web, true),
        ("team.io/owner == 'a-b'", web, true), ("team.io/owner starts with 'a'", web, true),
        ("app=='web'&&tier=='frontend'", web, true), ("\tapp == 'web'\t", web, true),
        ("app == 'web\"x'", ["app": "web\"x"], true), ("app == \"it's\"", ["app": "it's"], true),
        ("in == 'x'", ["in": "x"], true), ("has == 'x'", ["has": "x"], true), ("all == 'x'", ["all": "x"], true),
        ("has(in)", ["in": ""], true), ("app == ''", ["app": ""], true), ("app != ''", bare, true), ("app == ''", bare, false),
        ("app in {'web'} && !has(db) && env ends with 'eu'", web, true), ("all() && app == 'db'", web, false),
        ("global() || app == 'db'", web, true), ("app == 'Web'", web, false),
    ]

    @Test(arguments: matching)
    func matches(_ text: String, _ labels: [String: String], _ expected: Bool) throws {
        let selector = try CalicoSelector.parse(text)
        #expect(selector.matches(labels) == expected, "\(text) on \(labels)")
        // The canonical text parses back to the same selector.
        #expect(try CalicoSelector.parse(selector.description) == selector, "\(selector.description)")
    }

    /// (selector, column, part of the message)
    static let refused: [(String, Int, String)] = [
        ("(app == 'web'", 14, "expected ')'"), ("app = 'web'", 5, "expected '=='"), ("app == web", 8, "quoted string"),
        ("app == 'web", 8, "unterminated"), ("app", 4, "expected an operator"), ("app 'web'", 5, "expected an operator"),
        ("app in 'web'", 8, "expected '{'"), ("app in {'a' 'b'}", 13, "expected '}'"), ("has(app", 8, "expected ')'"),
        ("has()", 5, "label name"), ("all(x)", 5, "expected ')'"), ("app == 'a' & b == 'c'", 12, "expected '&&'"),
        ("app == 'a' | b == 'c'", 12, "expected '||'"), ("app == 'a' b == 'c'", 12, "found label 'b'"),
        ("app == 'a' )", 12, "or the end, found ')'"), ("&& app == 'a'", 1, "unexpected '&&'"), ("!", 2, "unexpected end"),
        ("app == 'a' ||", 14, "unexpected end"), ("app == 'é' && é == 'x'", 16, "unexpected character"),
        ("app\n== 'a'", 4, "expected an operator"), ("app starts 'x'", 5, "expected an operator"),
        ("app not 'x'", 5, "expected an operator"), ("app == 'a' has(b)", 12, "or the end, found has()"),
    ]

    @Test(arguments: refused)
    func refuses(_ text: String, _ column: Int, _ message: String) {
        do {
            let selector = try CalicoSelector.parse(text)
            Issue.record("accepted \(text) as \(selector)")
        } catch {
            #expect(error.column == column, "\(text): \(error)")
            #expect(error.description.contains(message), "\(text): \(error)")
        }
    }

    @Test func collectsKeysAndGlobal() throws {
        let selector = try CalicoSelector.parse("app == 'a' && (!has(b) || c in {'x'}) || global()")
        #expect(selector.keys == ["app", "b", "c"])
        #expect(selector.mentionsGlobal)
        #expect(try !CalicoSelector.parse("has(a)").mentionsGlobal)
    }

    @Test func setsAreCanonical() throws {
        #expect(try CalicoSelector.parse("a in {'y', 'x', 'y'}") == CalicoSelector.parse("a in {\"x\", \"y\"}"))
    }
}
