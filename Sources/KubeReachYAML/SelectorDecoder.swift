import KubeReachCore

/// Label selectors, validated as the API server does.
enum SelectorDecoder {
    /// nil when the field is missing; an invalid selector reports errors and still returns
    /// its valid part (the object is rejected anyway).
    static func read(_ field: Field, warnUnknownKeys: Bool = true) -> LabelSelector? {
        if field.isMissing { return nil }
        guard field.isMapping else {
            field.sink.error("a label selector must be a map", at: field)
            return nil
        }
        if warnUnknownKeys { field.warnUnknownKeys(["matchLabels", "matchExpressions"]) }
        let labelsField = field.child("matchLabels")
        var labels: [String: String] = [:]
        for (key, value) in labelsField.entries() ?? [] {
            if let p = LabelValidation.problem(inKey: key) { field.sink.error("invalid label key '\(key)': \(p)", at: value) }
            let v = value.isMissing ? "" : (value.string() ?? "")
            if let p = LabelValidation.problem(inValue: v) { field.sink.error("invalid label value '\(v)': \(p)", at: value) }
            labels[key] = v
        }
        var requirements: [LabelRequirement] = []
        for expr in field.child("matchExpressions").sequence() ?? [] {
            if let r = requirement(expr) { requirements.append(r) }
        }
        return LabelSelector(matchLabels: labels, matchExpressions: requirements)
    }

    private static func requirement(_ expr: Field) -> LabelRequirement? {
        let sink = expr.sink
        let keyField = expr.child("key"), opField = expr.child("operator"), valuesField = expr.child("values")
        guard let key = keyField.string() else {
            sink.error("key is required", at: keyField)
            return nil
        }
        if let p = LabelValidation.problem(inKey: key) { sink.error("invalid label key '\(key)': \(p)", at: keyField) }
        guard let opText = opField.string() else {
            sink.error("operator is required", at: opField)
            return nil
        }
        guard let op = LabelRequirement.Operator(rawValue: opText) else {
            sink.error("unknown operator '\(opText)' (In, NotIn, Exists, DoesNotExist)", at: opField)
            return nil
        }
        let valueFields = valuesField.sequence() ?? []
        var values: [String] = []
        for v in valueFields {
            guard let s = v.string() else { continue }
            if let p = LabelValidation.problem(inValue: s) { sink.error("invalid label value '\(s)': \(p)", at: v) }
            values.append(s)
        }
        let needsValues = op == .in || op == .notIn
        if needsValues && values.isEmpty {
            sink.error("operator \(op.rawValue) needs at least one value", at: valuesField)
        } else if !needsValues && !values.isEmpty {
            sink.error("operator \(op.rawValue) must have no values", at: valuesField)
        }
        return LabelRequirement(key: key, op: op, values: values)
    }
}
