import Foundation

/// The plain reason a file could not be read ("No such file or directory"), not Foundation's
/// long sentence, for one-line start-up errors.
public enum FileErrorReason {
    public static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        switch (nsError.domain, nsError.code) {
        case (NSCocoaErrorDomain, NSFileReadNoSuchFileError): return "No such file or directory"
        case (NSCocoaErrorDomain, NSFileReadNoPermissionError): return "Permission denied"
        case (NSCocoaErrorDomain, NSFileReadInapplicableStringEncodingError): return "not UTF-8 text"
        default: return nsError.localizedDescription
        }
    }
}
