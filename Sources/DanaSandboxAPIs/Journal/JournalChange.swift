/// What happened to the journal, for whoever follows it live.
public enum JournalChange: Sendable {
    /// An exchange was recorded, with its journal id set.
    case recorded(JournalEntry)
    /// The journal was emptied (a reset, or `DELETE /sandbox/journal`).
    case cleared
}
