"""Drives the official clients, dana-python 2.2.2 and paylabs-sdk 1.0.3, against a running sandbox.

Their response models are strict (pydantic, exact types and lengths), so a response they parse is a
response real integrations can parse. Prints one line per check and 'N passed, N failed' at the end;
exits non-zero when a check fails.

    python official_clients.py http://127.0.0.1:PORT REPOSITORY_ROOT
"""
import json
import sys
import uuid

BASE_URL, ROOT = sys.argv[1], sys.argv[2]
DEMO_KEY = open(f"{ROOT}/keys/demo-partner-private.pem").read()
results = []


def check(name, function):
    try:
        detail = function()
        results.append(True)
        print(f"PASS {name}{': ' + detail if detail else ''}")
    except Exception as error:  # a failed check must say why, whatever raised
        results.append(False)
        print(f"FAIL {name}: {type(error).__name__}: {error}")


# ---------------------------------------------------------------------------------------------
# dana-python, configured as clients.md §4 says: host set after construction.
from dana.utils.snap_configuration import SnapConfiguration, AuthSettings, Env
from dana.api_client import ApiClient
from dana.exceptions import ApiException
from dana.disbursement.v1 import DisbursementApi
from dana.disbursement.v1.models import DanaAccountInquiryRequest
from dana.merchant_management.v1 import MerchantManagementApi
from dana.merchant_management.v1.models import QueryMerchantResourceRequest
from dana.widget.v1 import WidgetApi
from dana.widget.v1.models import QueryUserProfileRequest

configuration = SnapConfiguration(api_key=AuthSettings(
    PRIVATE_KEY=DEMO_KEY, ORIGIN="http://localhost", X_PARTNER_ID="2014000014442",
    CLIENT_SECRET="2014000014442", DANA_ENV=Env.SANDBOX, ENV=Env.SANDBOX))
configuration.host = BASE_URL
client = ApiClient(configuration)


def account_inquiry(customer_number, value="1.00"):
    request = DanaAccountInquiryRequest.from_dict({
        "partnerReferenceNo": "ref-" + uuid.uuid4().hex[:12],
        "customerNumber": customer_number,
        "amount": {"value": value, "currency": "IDR"},
        "transactionDate": "2026-01-01T10:00:00+07:00",
        "additionalInfo": {"fundType": "AGENT_TOPUP_FOR_USER_SETTLE"},
    })
    return DisbursementApi(client).dana_account_inquiry(request)


def inquiry_success():
    response = account_inquiry("62811742234")
    assert response.response_code == "2003700", response
    assert response.customer_name == "Budi Santoso", response
    return f"{response.response_code} {response.customer_name}"


def inquiry_rejection(customer_number, value, code):
    def run():
        try:
            account_inquiry(customer_number, value)
        except ApiException as error:
            body = json.loads(error.body)
            assert body["responseCode"] == code, body
            return f"HTTP {error.status} {body['responseCode']} {body['responseMessage']}"
        raise AssertionError("expected an ApiException")
    return run


def merchant_resource():
    request = QueryMerchantResourceRequest.from_dict({
        "requestMerchantId": "216620000097087957144",
        "merchantResourceInfoList": ["MERCHANT_AVAILABLE_BALANCE", "MERCHANT_TOTAL_BALANCE", "MERCHANT_DEPOSIT_BALANCE"],
    })
    response = MerchantManagementApi(client).query_merchant_resource(request)
    info = response.response.body.result_info
    assert info.result_code == "SUCCESS", response
    values = [item.value for item in response.response.body.merchant_resource_informations]
    return f"{info.result_status} {info.result_code} {values}"


def merchant_not_exist():
    request = QueryMerchantResourceRequest.from_dict({
        "requestMerchantId": "216620000031415926535", "merchantResourceInfoList": ["MERCHANT_TOTAL_BALANCE"]})
    info = MerchantManagementApi(client).query_merchant_resource(request).response.body.result_info
    assert (info.result_code_id, info.result_code) == ("12158006901", "MERCHANT_NOT_EXIST"), info
    return f"{info.result_status} {info.result_code_id} {info.result_code}"


def user_profile(token, resources, expected_code):
    def run():
        request = QueryUserProfileRequest.from_dict({"userResources": resources, "accessToken": token})
        response = WidgetApi(client).query_user_profile(request)
        info = response.response.body.result_info
        assert info.result_code == expected_code, response
        infos = response.response.body.user_resource_infos or []
        return f"{info.result_status} {info.result_code} ({len(infos)} resources)"
    return run


ALL_RESOURCES = ["BALANCE", "TOPUP_URL", "TRANSACTION_URL", "OTT", "MASK_DANA_ID", "USER_KYC", "LOGIN_ID",
                 "CLEAR_TEXT_DANA_ID", "NICKNAME", "FULLNAME", "KTP_NUMBER", "KTP_PHOTO_DATA",
                 "SELFIE_PHOTO_DATA", "AVATAR_URL", "MASKED_FULLNAME"]

check("dana-python account inquiry, success model", inquiry_success)
check("dana-python account inquiry, frozen payee", inquiry_rejection("628123456667", "1.00", "4033705"))
check("dana-python account inquiry, above the sandbox cap", inquiry_rejection("62811742234", "210000000.00", "4033702"))
check("dana-python queryMerchantResource, success model", merchant_resource)
check("dana-python queryMerchantResource, MERCHANT_NOT_EXIST", merchant_not_exist)
check("dana-python queryUserProfile, every resource", user_profile("demo-token-62811742234", ALL_RESOURCES, "SUCCESS"))
check("dana-python queryUserProfile, user without KTP", user_profile("demo-token-basic-kyc", ALL_RESOURCES, "SUCCESS"))
check("dana-python queryUserProfile, OAUTH_FAILED", user_profile("1111", ["BALANCE"], "OAUTH_FAILED"))
check("dana-python queryUserProfile, USER_STATUS_ABNORMAL", user_profile("demo-token-frozen-user", ["BALANCE"], "USER_STATUS_ABNORMAL"))
check("dana-python queryUserProfile, TOKEN_FORBIDDEN_ACCESS_RESOURCES", user_profile("demo-token-limited-scopes", ["FULLNAME"], "TOKEN_FORBIDDEN_ACCESS_RESOURCES"))

# ---------------------------------------------------------------------------------------------
# paylabs-sdk: PAYIN_URLS is read by reference, so it is mutated before use (clients.md §4).
import paylabs.config
from paylabs.config import Environment
from paylabs.client import PaylabsClient

paylabs.config.PAYIN_URLS[Environment.SANDBOX] = f"{BASE_URL}/payment/"
keys = json.loads(__import__("urllib.request").request.urlopen(f"{BASE_URL}/sandbox/keys").read())
paylabs_client = PaylabsClient(merchant_id="010001", private_key=DEMO_KEY,
                               public_key=keys["paylabs"]["publicKey"], environment=Environment.SANDBOX)


def subscription_transactions():
    answer = paylabs_client.dana_sub.query_transactions("PY-1761114620.5313134", "StaticDanaSub", 1, 10)
    assert answer["errCode"] == "0", answer
    assert len(answer["paymentInfo"]) == 10, answer
    return f"errCode {answer['errCode']}, {len(answer['paymentInfo'])} transactions"


def subscription_not_found():
    answer = paylabs_client.dana_sub.query_transactions("PY-0", "StaticDanaSub", 1, 10)
    assert answer["errCode"] == "orderInvalid", answer
    return f"errCode {answer['errCode']}"


check("paylabs-sdk query_transactions, signed request accepted", subscription_transactions)
check("paylabs-sdk query_transactions, orderInvalid", subscription_not_found)

passed = results.count(True)
print(f"{passed} passed, {len(results) - passed} failed")
sys.exit(0 if all(results) else 1)
