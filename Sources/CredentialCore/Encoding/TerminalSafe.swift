/// Escaping of untrusted text (anything read from a credential or a file name) for human output.
///
/// A credential is written by a stranger; printed raw, a field could move the cursor, erase the
/// verdict line, start a forged line or reverse the text after it (STYLE.md, CLI). Every such
/// character is shown as a visible escape instead: `\u{1B}`, `\u{202E}`.
public enum TerminalSafe {
    /// `text` with C0/C1 controls, DEL, bidi controls, line/paragraph separators and invisible
    /// characters escaped.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `text` escaped, or nil when `text` is nil.
    public static func escape(_ text: String?) -> String? {
        text.map { escape($0) }
    }

    /// A message of several lines of our own (a usage text), each line escaped.
    public static func escapeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\n")
    }

    /// True for the characters that can change what a terminal shows beyond their own glyph, and
    /// for invisible ones that could hide text in an id or a name (two ids that look the same, one
    /// with a zero-width space). The zero-width joiner and non-joiner stay: Persian and Indic
    /// scripts and emoji need them.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x180E, 0x200B, 0x2060...0x2064, 0xFEFF:  // soft hyphen, Mongolian vowel separator, zero-width space, word joiner, invisible operators, BOM
            return true
        case 0xFFF9...0xFFFB, 0xE0000...0xE007F:  // interlinear annotation controls, tag characters
            return true
        // Characters that draw nothing in most fonts (Default_Ignorable or blank fillers): combining
        // grapheme joiner, Hangul fillers, Khmer inherent vowels, musical formatting, the variation
        // selectors supplement. (U+FE00–FE0F stay: emoji need them.)
        case 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0, 0x1D173...0x1D17A, 0xE0100...0xE01EF:
            return true
        case 0x00...0x1F, 0x7F...0x9F:  // C0 controls (tab and newline too), DEL, C1 controls
            return true
        case 0x061C, 0x200E, 0x200F:  // ARABIC LETTER MARK, LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
            return true
        case 0x202A...0x202E, 0x2066...0x2069:  // bidi embeddings, overrides and isolates (UAX #9)
            return true
        case 0x2028, 0x2029:  // LINE SEPARATOR, PARAGRAPH SEPARATOR
            return true
        default:
            return false
        }
    }
}
