/// Escaping of untrusted text (credential fields) for HTML element content and quoted attribute
/// values.
public enum HTMLText {
    /// `text` with `& < > " '` written as character references, and C0/C1 control characters (but
    /// tab and line feed) replaced by U+FFFD, so that no field can add markup or hide text.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `text` escaped and wrapped in `<bdi>`, so that right-to-left or bidi-control characters in
    /// one field cannot reorder the text around it.
    public static func isolated(_ text: String) -> String {
        "<bdi>" + escape(text) + "</bdi>"
    }
}
