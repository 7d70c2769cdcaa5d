package camlab.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void readsTheUsualForms() {
    assertEquals(Duration.ofSeconds(60), Durations.parse("60s"));
    assertEquals(Duration.ofSeconds(90), Durations.parse("90"));
    assertEquals(Duration.ofMinutes(10), Durations.parse(" 10m "));
    assertEquals(Duration.ofHours(1), Durations.parse("1h"));
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
    assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
  }

  @Test
  void zeroAndOffMeanNoLimit() {
    assertNull(Durations.parse("0"));
    assertNull(Durations.parse("off"));
    assertNull(Durations.parse("NONE"));
  }

  @Test
  void rejectsOtherTextSayingWhatIsAccepted() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("ten minutes"));
    assertTrue(e.getMessage().contains("'ten minutes' is not a duration: use e.g. 90s, 10m"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("5 days"));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("-3s"));
  }

  @Test
  void formatsForMessages() {
    assertEquals("300 ms", Durations.format(Duration.ofMillis(300)));
    assertEquals("2 s", Durations.format(Duration.ofSeconds(2)));
    assertEquals("1.5 s", Durations.format(Duration.ofMillis(1500)));
    assertEquals("10 min", Durations.format(Duration.ofMinutes(10)));
    assertEquals("1 min 30 s", Durations.format(Duration.ofSeconds(90)));
    assertEquals("2 h 5 min", Durations.format(Duration.ofMinutes(125)));
  }
}
