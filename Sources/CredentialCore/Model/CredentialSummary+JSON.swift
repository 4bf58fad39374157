extension CredentialSummary {
    /// The summary as a JSON object (the `summary` member of `POST /api/verify`, `spec/serve.md`):
    /// only the members that are present.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        func put(_ key: String, _ value: String?) { if let value { object[key] = .string(value) } }
        put("id", id)
        put("title", title)
        put("description", description)
        put("learnerName", learnerName)
        put("learnerID", learnerID)
        put("issuerName", issuerName)
        put("issuerID", issuerID)
        put("country", country)
        put("region", region)
        put("validFrom", validFrom)
        put("validUntil", validUntil)
        put("ectsCredits", ects)
        put("eqfLevel", eqfLevel)
        object["learningOutcomes"] = .array(learningOutcomes.map(JSONValue.string))
        object["elements"] = .array(elements.map { element in
            .object(["key": .string(element.key), "label": .string(element.label), "value": .string(element.value)])
        })
        object["stackParts"] = .array(stackParts.map { part in
            var item = JSONObject()
            if let id = part.id { item["id"] = .string(id) }
            if let name = part.name { item["name"] = .string(name) }
            if let digest = part.digest { item["digestMultibase"] = .string(digest) }
            return .object(item)
        })
        return .object(object)
    }
}
