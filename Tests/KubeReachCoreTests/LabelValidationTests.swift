import KubeReachCore
import Testing

/// Label keys, values and names at the API server's boundaries
/// (`k8s.io/apimachinery/pkg/util/validation`): prefix ≤ 253 as a DNS subdomain whose parts
/// have no length limit of their own, name ≤ 63, value ≤ 63, namespace ≤ 63, name ≤ 253.
@Suite struct LabelValidationTests {
    static let label63 = String(repeating: "a", count: 63)
    static let part100 = String(repeating: "b", count: 100)
    /// 253 characters: parts of 84, 84 and 83 characters (more than 63 each), dotted.
    static let prefix253 = [84, 84, 83].map { String(repeating: "p", count: $0) }.joined(separator: ".")
    static let prefix254 = prefix253 + "y"

    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var valid: Bool
        var testDescription: String { "\(text.prefix(40))… (\(text.utf8.count)) \(valid ? "valid" : "invalid")" }
    }

    static let keys: [Case] = [
        Case(text: "app", valid: true),
        Case(text: label63, valid: true),
        Case(text: label63 + "a", valid: false),
        Case(text: "example.com/app", valid: true),
        Case(text: "\(prefix253)/\(label63)", valid: true),
        Case(text: "\(prefix254)/app", valid: false),
        Case(text: "\(part100).io/app", valid: true),
        Case(text: "\(prefix253)/\(label63)a", valid: false),
        Case(text: "Example.com/app", valid: false),
        Case(text: "/app", valid: false),
        Case(text: "example.com/", valid: false),
        Case(text: "a/b/c", valid: false),
        Case(text: "-app", valid: false),
        Case(text: "app_1.x-Y", valid: true),
        Case(text: "a..b/c", valid: false),
        Case(text: "a b", valid: false),
    ]

    static let values: [Case] = [
        Case(text: "", valid: true),
        Case(text: label63, valid: true),
        Case(text: label63 + "a", valid: false),
        Case(text: "v1.2_3-A", valid: true),
        Case(text: "-v", valid: false),
        Case(text: "v/1", valid: false),
        Case(text: "a\nb", valid: false),
    ]

    static let subdomains: [Case] = [
        Case(text: prefix253, valid: true),
        Case(text: prefix254, valid: false),
        Case(text: part100, valid: true),
        Case(text: "", valid: false),
        Case(text: "a.-b", valid: false),
        Case(text: "a_b", valid: false),
    ]

    static let dnsLabels: [Case] = [
        Case(text: label63, valid: true),
        Case(text: label63 + "a", valid: false),
        Case(text: "a.b", valid: false),
        Case(text: "kube-system", valid: true),
        Case(text: "", valid: false),
    ]

    @Test(arguments: keys) func key(_ c: Case) {
        #expect((LabelValidation.problem(inKey: c.text) == nil) == c.valid)
    }

    @Test(arguments: values) func value(_ c: Case) {
        #expect((LabelValidation.problem(inValue: c.text) == nil) == c.valid)
    }

    @Test(arguments: subdomains) func subdomain(_ c: Case) {
        #expect((LabelValidation.problem(inDNSSubdomain: c.text) == nil) == c.valid)
    }

    @Test(arguments: dnsLabels) func dnsLabel(_ c: Case) {
        #expect((LabelValidation.problem(inDNSLabel: c.text) == nil) == c.valid)
    }
}
