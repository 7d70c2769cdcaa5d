package camlab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire format without sockets: connection files, signatures, dates, frames. */
class ProtocolTest {

  @Test
  void connectionFilesGiveEndpointsAndKeyAndSayWhatIsMissing() {
    ConnectionFile cf = ConnectionFile.parse("""
        {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
         "ip": "127.0.0.1", "key": "secret", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "x"}""");
    assertEquals("tcp://127.0.0.1:5002", cf.endpoint(cf.iopubPort()));
    assertEquals("secret", cf.key());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> ConnectionFile.parse("{\"shell_port\": 1, \"iopub_port\": 2, \"stdin_port\": 3, \"control_port\": 4}"));
    assertEquals("the connection file has no \"hb_port\"", missing.getMessage());
    IllegalArgumentException ipc = assertThrows(IllegalArgumentException.class, () -> ConnectionFile.parse("{\"transport\": \"ipc\"}"));
    assertTrue(ipc.getMessage().contains("tcp only"));
  }

  @Test
  void signaturesAreHmacSha256InHexAsRfc4231Says() {
    // RFC 4231, test case 1: key 20 bytes of 0x0b, data "Hi There"
    MessageSigner signer = MessageSigner.of("hmac-sha256", "\u000b".repeat(20));
    String expected = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
    assertEquals(expected, signer.sign("Hi ".getBytes(StandardCharsets.US_ASCII), "There".getBytes(StandardCharsets.US_ASCII)));
    assertTrue(signer.verify(expected, "Hi There".getBytes(StandardCharsets.US_ASCII)));
    assertTrue(!signer.verify(expected.replace('b', 'c'), "Hi There".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("", MessageSigner.of("hmac-sha256", "").sign("x".getBytes(StandardCharsets.US_ASCII)), "no key, no signature");
  }

  @Test
  void datesAreIsoUtcWithMicroseconds() {
    assertEquals("2026-12-07T00:05:12.345678Z", Timestamps.format(Instant.parse("2026-12-07T00:05:12.345678901Z")));
    assertEquals("2026-12-07T00:05:00.000000Z", Timestamps.format(Instant.parse("2026-12-07T00:05:00Z")));
    assertTrue(Timestamps.now().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"), Timestamps.now());
  }

  @Test
  void framesRoundTripAndAWrongSignatureIsRefused() throws Exception {
    WireFormat wire = new WireFormat(MessageSigner.of("hmac-sha256", "k"));
    MessageFactory messages = new MessageFactory();
    JsonObject content = JsonParser.parseString("{\"code\": \"println(\\\"ü\\\")\", \"silent\": false}").getAsJsonObject();
    JupyterMessage request = new JupyterMessage(List.of("client".getBytes(StandardCharsets.UTF_8)), messages.header("execute_request"),
        new JsonObject(), new JsonObject(), content, List.of());
    List<byte[]> frames = wire.encode(request);
    assertArrayEquals("client".getBytes(StandardCharsets.UTF_8), frames.get(0));
    assertArrayEquals(WireFormat.DELIMITER, frames.get(1));
    JupyterMessage back = wire.decode(frames);
    assertEquals("execute_request", back.type());
    assertEquals("println(\"ü\")", back.contentText("code", null));
    assertEquals(1, back.identities().size());

    JupyterMessage reply = messages.reply(back, "execute_reply", new JsonObject(), new JsonObject());
    assertEquals(back.header(), reply.parentHeader(), "a reply's parent is the request's header");
    assertEquals("5.3", reply.header().get("version").getAsString());

    List<byte[]> tampered = new ArrayList<>(frames);
    tampered.set(tampered.size() - 1, "{\"code\": \"evil()\"}".getBytes(StandardCharsets.UTF_8));
    WireFormat.BadMessage bad = assertThrows(WireFormat.BadMessage.class, () -> wire.decode(tampered));
    assertEquals("wrong signature", bad.getMessage());
    assertThrows(WireFormat.BadMessage.class, () -> wire.decode(List.of("no delimiter".getBytes(StandardCharsets.UTF_8))));
  }
}
