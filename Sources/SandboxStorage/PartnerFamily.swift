/// Which provider's rules a partner follows.
public enum PartnerFamily: String, Sendable, CaseIterable {
    case dana = "DANA"
    case paylabs = "PAYLABS"
}
