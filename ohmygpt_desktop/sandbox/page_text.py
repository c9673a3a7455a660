"""The words of the sandbox's web pages in English, Simplified Chinese and Japanese.

The pages are what a demo user sees in their browser, so they follow the browser's
``Accept-Language`` (:func:`page_language`). The sandbox is a server without Qt: its
texts are a small table here, English text → (Chinese, Japanese). ``{name}`` marks a
value filled in by the page; every translation keeps the same ones.
"""

from __future__ import annotations

#: The page languages, as the app names them (English is the source), and each one's
#: BCP 47 tag (``<html lang>``, ``Content-Language``).
HTML_LANG = {"en": "en", "zh_CN": "zh-CN", "ja": "ja"}

#: English → (Simplified Chinese, Japanese).
TEXT: dict[str, tuple[str, str]] = {
    # every page
    "Local sandbox \u2014 not the real OhMyGPT. No real account, card or money is involved.": (
        "本地沙盒——不是真正的 OhMyGPT。不涉及真实的账户、银行卡或资金。",
        "ローカルのサンドボックスです（本物の OhMyGPT ではありません）。"
        "実際のアカウント、カード、お金は一切使われません。",
    ),
    "{title} - OhMyGPT": ("{title} - OhMyGPT", "{title} - OhMyGPT"),
    # authorization
    "See your user ID and email address": (
        "查看你的用户 ID 和电子邮件地址",
        "ユーザー ID とメールアドレスの参照",
    ),
    "See your balance": ("查看你的余额", "残高の参照"),
    "Use the OhMyGPT API on your behalf": (
        "代表你使用 OhMyGPT API",
        "あなたに代わって OhMyGPT API を使用",
    ),
    "Create recharge orders (Stripe Checkout or invoice) for you to pay yourself \u2014 it "
    "can never charge you without your action": (
        "创建由你自己支付的充值订单（Stripe Checkout 或账单）——没有你的操作，它永远无法向你收费",
        "あなた自身が支払うチャージ注文（Stripe Checkout または請求書）の作成"
        "——あなたの操作なしに請求することはできません",
    ),
    "Permission \u201c{scope}\u201d": ("权限“{scope}”", "権限「{scope}」"),
    "Authorize {app}?": ("授权 {app}？", "{app} を承認しますか？"),
    "Authorize {app}": ("授权 {app}", "{app} を承認"),
    "{app} wants to access your OhMyGPT account.": (
        "{app} 想要访问你的 OhMyGPT 账户。",
        "{app} があなたの OhMyGPT アカウントへのアクセスを求めています。",
    ),
    "It will be able to": ("它将能够", "許可される操作"),
    "After you decide, you will be sent to": (
        "做出选择后，你将被转到",
        "選択すると、次のアドレスに移動します",
    ),
    "Only continue if you started this from {app} and trust {host}.": (
        "只有当你是从 {app} 发起此操作并且信任 {host} 时才继续。",
        "{app} から始めた操作で、{host} を信頼できる場合にのみ続けてください。",
    ),
    "Sign in as (sandbox users)": (
        "登录身份（沙盒用户）",
        "サインインするユーザー（サンドボックス）",
    ),
    "user {user_id} \u00b7 balance {balance}": (
        "用户 {user_id} · 余额 {balance}",
        "ユーザー {user_id} · 残高 {balance}",
    ),
    "Authorize": ("授权", "承認"),
    "Deny": ("拒绝", "拒否"),
    # authorization problems
    "This sign-in link can\u2019t be used": (
        "无法使用此登录链接",
        "このサインインリンクは使えません",
    ),
    "What you can do": ("你可以怎么做", "対処方法"),
    "Go back to the app and start signing in again. If this keeps happening, the app is set "
    "up wrongly (its client ID, redirect URI or scope); tell its developer. You have not "
    "been signed in and nothing was shared.": (
        "返回应用并重新开始登录。如果一直出现这种情况，说明应用的设置有误（客户端 ID、重定向 URI "
        "或权限范围），请告知其开发者。你尚未登录，也没有共享任何信息。",
        "アプリに戻って、もう一度サインインを始めてください。繰り返し起きる場合は、アプリの設定"
        "（クライアント ID、リダイレクト URI、スコープ）が誤っています。開発者に知らせてください。"
        "サインインはされておらず、何も共有されていません。",
    ),
    "Authorization error": ("授权错误", "承認エラー"),
    "No choice was made.": ("没有做出选择。", "選択されていません。"),
    "No user was chosen.": ("没有选择用户。", "ユーザーが選ばれていません。"),
    # code page
    "Authorization code": ("授权码", "承認コード"),
    "Copy this code and paste it into the app.": (
        "复制此授权码并粘贴到应用中。",
        "このコードをコピーして、アプリに貼り付けてください。",
    ),
    "Copy code": ("复制授权码", "コードをコピー"),
    "Copied.": ("已复制。", "コピーしました。"),
    "State: {state}": ("State：{state}", "State：{state}"),
    "(the app uses this to check the code is the one it asked for)": (
        "（应用用它来确认这是它请求的授权码）",
        "（アプリはこれで、自分が求めたコードであることを確かめます）",
    ),
    "The code works once and expires in about {minutes} minutes. Don\u2019t share it with "
    "anyone else.": (
        "授权码只能使用一次，大约 {minutes} 分钟后失效。不要与任何人分享。",
        "コードは 1 回だけ使え、約 {minutes} 分で期限切れになります。誰にも教えないでください。",
    ),
    # denied / no code
    "Authorization denied": ("授权已拒绝", "承認が拒否されました"),
    "The app did not get access to your account. You can close this page, or go back to "
    "the app and sign in again.": (
        "应用没有获得你账户的访问权限。你可以关闭此页面，或返回应用重新登录。",
        "アプリはあなたのアカウントにアクセスできませんでした。このページを閉じるか、"
        "アプリに戻ってもう一度サインインしてください。",
    ),
    "The user denied the authorization request.": (
        "用户拒绝了授权请求。",
        "ユーザーが承認の要求を拒否しました。",
    ),
    "No authorization code here": ("这里没有授权码", "承認コードがありません"),
    "This page shows the code after you authorize an app, but this link carries none. Go "
    "back to the app and start signing in again.": (
        "此页面会在你授权应用后显示授权码，但这个链接中没有授权码。请返回应用重新开始登录。",
        "このページはアプリを承認した後にコードを表示しますが、このリンクにはコードが含まれて"
        "いません。アプリに戻って、もう一度サインインを始めてください。",
    ),
    "No code": ("没有授权码", "コードなし"),
    # checkout
    "Invoice from OhMyGPT": ("来自 OhMyGPT 的账单", "OhMyGPT からの請求書"),
    "Pay OhMyGPT": ("向 OhMyGPT 付款", "OhMyGPT への支払い"),
    "TEST MODE": ("测试模式", "テストモード"),
    "Product": ("商品", "商品"),
    "OhMyGPT credits \u00d7 {credits} (product {product})": (
        "OhMyGPT 积分 × {credits}（商品 {product}）",
        "OhMyGPT クレジット × {credits}（商品 {product}）",
    ),
    "Email": ("电子邮件", "メール"),
    "Order number": ("订单号", "注文番号"),
    "Card": ("银行卡", "カード"),
    "(sandbox test card, nothing is charged)": (
        "（沙盒测试卡，不会扣款）",
        "（サンドボックスのテスト用カード。請求はされません）",
    ),
    "Pay invoice {amount}": ("支付账单 {amount}", "請求書を支払う {amount}"),
    "Pay {amount}": ("支付 {amount}", "{amount} を支払う"),
    "Cancel and return to the app": ("取消并返回应用", "キャンセルしてアプリに戻る"),
    "Powered by {stripe} (sandbox imitation)": (
        "由 {stripe} 提供支持（沙盒模拟）",
        "{stripe} を利用（サンドボックスによる模倣）",
    ),
    "{heading} - {amount}": ("{heading} - {amount}", "{heading} - {amount}"),
    "Order {order_no} \u00b7 {amount} USD": (
        "订单 {order_no} · {amount} USD",
        "注文 {order_no} · {amount} USD",
    ),
    "This order has already been paid": ("此订单已经支付", "この注文は支払い済みです"),
    "Nothing more to do: the payment went through. You can return to the app.": (
        "无需再做任何操作：付款已完成。你可以返回应用。",
        "これ以上の操作は不要です。支払いは完了しています。アプリに戻ってください。",
    ),
    "This checkout session has expired": ("此付款会话已过期", "この支払いセッションは期限切れです"),
    "Nothing was charged. Go back to the app and start a new recharge.": (
        "没有扣款。请返回应用重新充值。",
        "請求はされていません。アプリに戻って、新しくチャージしてください。",
    ),
    "This order was cancelled": ("此订单已取消", "この注文はキャンセルされました"),
    "Checkout session not found": ("找不到付款会话", "支払いセッションが見つかりません"),
    "This payment link is not valid. Go back to the app and start a new recharge.": (
        "此付款链接无效。请返回应用重新充值。",
        "この支払いリンクは無効です。アプリに戻って、新しくチャージしてください。",
    ),
    "Unknown action": ("未知操作", "不明な操作"),
    "Use the Pay or the Cancel button.": (
        "请使用“支付”或“取消”按钮。",
        "支払いボタンかキャンセルボタンを使ってください。",
    ),
    "Payment received": ("已收到付款", "支払いを受け付けました"),
    "Thank you. You can return to the app: your balance will be updated shortly.": (
        "谢谢。你可以返回应用：余额很快就会更新。",
        "ありがとうございました。アプリに戻ってください。残高はまもなく更新されます。",
    ),
    "Payment cancelled": ("付款已取消", "支払いはキャンセルされました"),
    "Nothing was charged. You can return to the app.": (
        "没有扣款。你可以返回应用。",
        "請求はされていません。アプリに戻ってください。",
    ),
    "There is nothing at this address.": ("此地址没有内容。", "このアドレスには何もありません。"),
    # orders
    "Your orders": ("你的订单", "注文一覧"),
    "Every recharge order made in this sandbox, newest first.": (
        "在此沙盒中创建的所有充值订单，最新的在前。",
        "このサンドボックスで作られたすべてのチャージ注文（新しい順）。",
    ),
    "No orders yet.": ("还没有订单。", "注文はまだありません。"),
    "Amount": ("金额", "金額"),
    "Status": ("状态", "状態"),
    "User": ("用户", "ユーザー"),
    "Awaiting payment": ("待支付", "支払い待ち"),
    "Paid": ("已支付", "支払い済み"),
    "Cancelled": ("已取消", "キャンセル済み"),
    "Expired": ("已过期", "期限切れ"),
}


def page_language(accept_language: str | None) -> str:
    """The page language for an ``Accept-Language`` header: the one the browser
    prefers most among English, Simplified Chinese and Japanese; English when none."""
    best, best_q = "en", 0.0
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, params = item.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        language = _language_of(tag.strip().lower())
        # Equal weights: the earlier one wins (a tiny nudge keeps header order).
        weight = q - position * 1e-6
        if language is not None and q > 0 and weight > best_q:
            best, best_q = language, weight
    return best


def _language_of(tag: str) -> str | None:
    primary, _, rest = tag.partition("-")
    if primary == "en":
        return "en"
    if primary == "ja":
        return "ja"
    if primary == "zh" and rest not in ("tw", "hk", "mo", "hant", "hant-tw", "hant-hk"):
        return "zh_CN"
    return None


def text(language: str, english: str) -> str:
    """``english`` in ``language`` (an entry of :data:`TEXT`; KeyError if it is none)."""
    chinese, japanese = TEXT[english]
    return {"zh_CN": chinese, "ja": japanese}.get(language, english)


def text_or_same(language: str, message: str) -> str:
    """``message`` in ``language`` when the table has it, else as it is (details that
    may carry values, like a request's own words)."""
    return text(language, message) if message in TEXT else message


__all__ = ["HTML_LANG", "TEXT", "page_language", "text", "text_or_same"]
