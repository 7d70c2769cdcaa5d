package camlab.cli;

import camlab.data.FashionMnist;
import java.util.Set;

/** {@code camlab data}: puts Fashion-MNIST's four verified IDX files into datasets/fashion-mnist/. */
final class DataCommand implements Main.Command {
  @Override
  public String summary() {
    return "fetch Fashion-MNIST into datasets/fashion-mnist/ (local copy or download, SHA-256 checked)";
  }

  @Override
  public int run(String[] argv) {
    new Args("data", argv, Set.of(), Set.of());
    FashionMnist.fetch(System.out::println);
    System.out.println("Fashion-MNIST is ready in " + FashionMnist.directory());
    return 0;
  }
}
