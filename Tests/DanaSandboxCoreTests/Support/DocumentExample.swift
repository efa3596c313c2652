/// Request bodies exactly as the providers' documents print them (docs/api-documents.md), for
/// tests that send them verbatim.
enum DocumentExample {
    /// Document 004, `POST /dana/v1/sub/querysubtrans`.
    static let querySubscriptionTransactionsRequest = """
        {
          "merchantId": "010001",
          "requestId": "PYb34e3230-598c-4fa9-89c2-60ea95fc6c1c",
          "paymentType": "StaticDanaSub",
          "merchantSubId": "PY-1761114620.5313134",
          "pageNum": 1,
          "pageSize": 10
        }
        """
}
