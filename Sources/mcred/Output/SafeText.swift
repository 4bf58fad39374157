/// Untrusted text made safe for one terminal line (STYLE.md, CLI).
enum SafeText {
    /// `text` with control characters, bidi controls and line separators written as `\u{…}`,
    /// so that no field can start a line or move the cursor.
    static func line(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let unsafe = value < 0x20 || (0x7F...0x9F).contains(value) || (0x200E...0x200F).contains(value)
                || (0x2028...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            if unsafe {
                result += "\\u{\(String(value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
