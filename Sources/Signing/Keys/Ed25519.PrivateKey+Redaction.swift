extension Ed25519.PrivateKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Names the key by its public half; the secret never appears in logs, `print` or `dump`.
    public var description: String { "Ed25519.PrivateKey(public: \(DIDKey(publicKey: publicKey).did), secret redacted)" }

    /// The same redacted text as `description`.
    public var debugDescription: String { description }

    /// A mirror without the seed, so `dump` and debuggers do not show it either.
    public var customMirror: Mirror { Mirror(self, children: ["publicKey": publicKey], displayStyle: .struct) }
}
