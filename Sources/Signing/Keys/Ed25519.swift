/// Ed25519 (RFC 8032 §5.1, pure EdDSA over edwards25519): keys, signing and verification.
///
/// Keys are plain bytes; every cryptographic operation is done by OpenSSL.
public enum Ed25519 {}
