package camlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowTableTest {
  @Test
  void columnsAlignAndTargetsSayWhetherTheyWereMet() {
    List<Row> rows = List.of(
        new Row("gap-cnn", 1, "forward", 1.844, 1.844, 1.0, 542.3, null),
        new Row("gap-cnn", 1, "cam", 1.9, 1.844, 1.0304, 526.31, 1.05),
        new Row("resnet18", 32, "gradcam++", 1234.5, 820.0, 1.2564, 25.92, 1.25));
    String expected = """
        title
        model     batch  what            ms  x forward  images/s  target
        --------  -----  ---------  -------  ---------  --------  --------------
        gap-cnn       1  forward       1.84      1.000     542.3
        gap-cnn       1  cam           1.90      1.030     526.3  <= 1.05 ok
        resnet18     32  gradcam++  1234.50      1.256      25.9  <= 1.25 MISSED
        """;
    assertEquals(expected, RowTable.format("title", rows));
  }

  @Test
  void noRowsLeaveTheHeaderAlone() {
    assertEquals("t\nmodel  batch  what  ms  x forward  images/s  target\n-----  -----  ----  --  ---------  --------  ------\n",
        RowTable.format("t", List.of()));
  }
}
