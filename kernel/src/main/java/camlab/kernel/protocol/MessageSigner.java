package camlab.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs and checks messages as the connection file says: an HMAC over header, parent header, metadata and content. */
public final class MessageSigner {
  private final SecretKeySpec key;
  private final String algorithm;

  private MessageSigner(SecretKeySpec key, String algorithm) {
    this.key = key;
    this.algorithm = algorithm;
  }

  /** @param scheme {@code hmac-sha256} and the like; an empty key means messages are not signed (signature "") */
  public static MessageSigner of(String scheme, String key) {
    if (key == null || key.isEmpty()) return new MessageSigner(null, null);
    if (!scheme.startsWith("hmac-")) throw new IllegalArgumentException("unknown signature scheme \"" + scheme + "\"");
    String algorithm = "Hmac" + scheme.substring("hmac-".length()).toUpperCase(java.util.Locale.ROOT);
    try {
      Mac.getInstance(algorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("this Java cannot compute the signature scheme \"" + scheme + "\"", e);
    }
    return new MessageSigner(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm), algorithm);
  }

  /** The lowercase hex signature of the parts, in order; "" when messages are not signed. */
  public String sign(byte[]... parts) {
    if (key == null) return "";
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(key);
      for (byte[] p : parts) mac.update(p);
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a message with " + algorithm, e);
    }
  }

  /** Whether {@code signature} is the parts' signature (compared in constant time). */
  public boolean verify(String signature, byte[]... parts) {
    if (key == null) return true;
    return MessageDigest.isEqual(sign(parts).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
  }
}
