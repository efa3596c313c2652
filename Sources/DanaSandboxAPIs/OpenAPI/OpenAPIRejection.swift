/// The Open API refusals handlers share.
public enum OpenAPIRejection {
    /// PARAM_ILLEGAL naming what is wrong.
    public static func illegal(_ what: String) -> Rejection<OpenAPIResult> {
        Rejection(OpenAPICatalog.paramIllegal.with(message: "parameter illegal: \(what)"))
    }
}
