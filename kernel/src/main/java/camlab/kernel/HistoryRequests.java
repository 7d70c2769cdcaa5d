package camlab.kernel;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Answers history_request (tail, range or search) the way the Jupyter messaging protocol describes the reply. */
final class HistoryRequests {
  private HistoryRequests() {}

  static List<HistoryEntry> answer(HistoryManager history, HistoryRequest request) {
    Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
    if (request.includeOutput()) flags.add(ResultFlag.INCLUDE_OUTPUT);
    if (!request.useRaw()) flags.add(ResultFlag.TRANSFORMED_INPUT);
    return switch (request.getAccessType()) {
      case TAIL -> history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
      case RANGE -> {
        HistoryRequest.Range range = (HistoryRequest.Range) request;
        yield history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
      }
      case SEARCH -> {
        HistoryRequest.Search search = (HistoryRequest.Search) request;
        if (search.filterUnique()) flags.add(ResultFlag.UNIQUE);
        yield history.search(search.getPattern(), search.getMaxReturnLength(), flags);
      }
    };
  }

  static Reply reply(List<HistoryEntry> entries) {
    return new Reply(entries.stream().map(e -> List.<Object>of(e.getSession(), e.getCellNumber(),
        e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput())).toList());
  }

  /** {"status": "ok", "history": [[session, line, input] or [session, line, [input, output]], ...]} */
  static final class Reply implements ContentType<Reply> {
    @SuppressWarnings("unchecked")
    private static final MessageType<Reply> TYPE = (MessageType<Reply>) MessageType.getType("history_reply");

    @SuppressWarnings("unused") // serialized by the base kernel's JSON writer
    private final String status = "ok";
    private final List<List<Object>> history;

    Reply(List<List<Object>> history) {
      this.history = history;
    }

    List<List<Object>> history() {
      return history;
    }

    @Override
    public MessageType<Reply> getType() {
      return TYPE;
    }
  }
}
