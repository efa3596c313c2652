/// The status column of partners, merchants, users and Paylabs stores. `seed.sql`'s CHECK
/// constraints allow ACTIVE and SUSPENDED for partners and merchants, ACTIVE and FROZEN for users
/// and stores; anything but ACTIVE is refused in the way each API documents.
public enum RecordStatus: String, Sendable, CaseIterable {
    case active = "ACTIVE"
    case suspended = "SUSPENDED"
    case frozen = "FROZEN"

    public var isActive: Bool { self == .active }
}
