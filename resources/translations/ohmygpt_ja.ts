<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/about_dialog.py" line="+163"/>
        <source>About {app}</source>
        <translation>{app} について</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version {version} (commit {commit}, {date})</source>
        <translation>バージョン {version}（コミット {commit}、{date}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version {version}</source>
        <translation>バージョン {version}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A desktop client for the OhMyGPT API service: sign in with your OhMyGPT account, see your balance and recharge it.</source>
        <translation>OhMyGPT API サービスのデスクトップクライアントです。OhMyGPT アカウントでサインインして、残高の確認やチャージができます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demo mode: the app talks to a built-in stand-in of the OhMyGPT service on this computer. Its users, balances and payments are made up; no real money is involved. Demo mode keeps its own settings and order history.</source>
        <translation>デモモード：アプリはこのコンピューターに内蔵された OhMyGPT の模擬サービスに接続しています。ユーザー、残高、支払いはすべて架空のもので、実際のお金は動きません。デモモードの設定と注文履歴は通常とは別に保存されます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set up for you by {organization}.</source>
        <translation>{organization} によって設定されています。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OhMyGPT website</source>
        <translation>OhMyGPT のウェブサイト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact support</source>
        <translation>サポートに連絡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings file:</source>
        <translation>設定ファイル：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Log file:</source>
        <translation>ログファイル：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data folder:</source>
        <translation>データフォルダー：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Qt {qt} · PySide6 {pyside} · Python {python}</source>
        <translation>Qt {qt} · PySide6 {pyside} · Python {python}</translation>
    </message>
</context>
<context>
    <name>AccountStatusDialog</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/account_status.py" line="+178"/>
        <source>Account status</source>
        <translation>アカウントの状態</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Email</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User ID</source>
        <translation>ユーザー ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in kept in</source>
        <translation>サインイン情報の保存先</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>トークン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>スコープ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>追加日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last used</source>
        <translation>最終使用日時</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in again</source>
        <translation>再サインイン</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Needs to sign in again: the app cannot use this account until then.</source>
        <translation>再サインインが必要です。それまでこのアカウントは使用できません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The stored sign-in could not be read: {problem}</source>
        <translation>保存されたサインイン情報を読み取れませんでした：{problem}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signed in</source>
        <translation>サインイン済み</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keyring</source>
        <translation>システムのキーリング</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This session only (forgotten when the app quits)</source>
        <translation>このセッションのみ（アプリの終了時に破棄）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A file on this computer (not encrypted)</source>
        <translation>このコンピューター上のファイル（暗号化なし）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anyone who can read your files (or your backups) can use this sign-in. File: {path}</source>
        <translation>あなたのファイル（またはバックアップ）を読み取れる人は誰でも、このサインイン情報を使用できます。ファイル：{path}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reveal</source>
        <translation>表示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not available</source>
        <translation>利用できません</translation>
    </message>
</context>
<context>
    <name>AccountSwitcher</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/account_switcher.py" line="+111"/>
        <source>Recharge this account…</source>
        <translation>このアカウントにチャージ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in again…</source>
        <translation>再サインイン…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account status…</source>
        <translation>アカウントの状態…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add account…</source>
        <translation>アカウントを追加…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out…</source>
        <translation>サインアウト…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Switch account, add one, or sign out</source>
        <translation>アカウントの切り替え・追加・サインアウト</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>{email} — {host} (sign in again)</source>
        <translation>{email} — {host}（要再サインイン）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{email} — {host}</source>
        <translation>{email} — {host}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Accounts</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ {email} · {host} — sign in again</source>
        <translation>⚠ {email} · {host} — 要再サインイン</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{email} · {host}</source>
        <translation>{email} · {host}</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>All accounts ({count})…</source>
        <translation>すべてのアカウント（{count}）…</translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+9"/>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Sign out of {email}?</source>
        <translation>{email} からサインアウトしますか？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The app forgets this account on this computer and removes its stored sign-in. Your order history stays. You can sign in again at any time.</source>
        <translation>このコンピューターからこのアカウントと保存済みのサインイン情報を削除します。注文履歴は残ります。いつでも再サインインできます。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Signed out of {email}. The app’s own records were cleared, but the stored sign-in could not be removed from the system keyring and may remain there. ({detail})</source>
        <translation>{email} からサインアウトしました。アプリ内の記録は消去しましたが、保存されたサインイン情報をシステムのキーリングから削除できなかったため、残っている可能性があります。（{detail}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signed out of {email}.</source>
        <translation>{email} からサインアウトしました。</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/errors.py" line="+53"/>
        <source>Now showing {email}, but the app could not remember this choice. {reason}</source>
        <translation>{email} を表示しましたが、この選択を保存できませんでした。{reason}</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/account_store.py" line="+53"/>
        <source>The account is not valid.</source>
        <translation>アカウントが正しくありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{where} has no {field}.</source>
        <translation>{where}に {field} がありません。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{where}: {field} must be text.</source>
        <translation>{where}：{field} は文字列で指定してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{where} has an empty user id.</source>
        <translation>{where}のユーザー ID が空です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where} has an invalid host {host}.</source>
        <translation>{where}のホスト {host} が正しくありません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{where}: {field} is not an ISO date and time.</source>
        <translation>{where}：{field} が ISO 形式の日時ではありません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{where}: &apos;token_storage&apos; must be one of {options}.</source>
        <translation>{where}：&apos;token_storage&apos; は {options} のいずれかにしてください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{where}: &apos;needs_reauth&apos; must be true or false.</source>
        <translation>{where}：&apos;needs_reauth&apos; は true または false にしてください。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Account #{index}</source>
        <translation>アカウント #{index}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Account #{index} is not an object.</source>
        <translation>アカウント #{index} がオブジェクトではありません。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The account {key} is listed twice.</source>
        <translation>アカウント {key} が重複しています。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The account list {path} could not be read ({reason}). Sign in again to use your accounts.</source>
        <translation>アカウント一覧 {path} を読み込めませんでした（{reason}）。アカウントを使うには、もう一度サインインしてください。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The account list {path} is damaged, so no account is shown. Sign in again to use your accounts.</source>
        <translation>アカウント一覧 {path} が壊れているため、アカウントを表示できません。アカウントを使うには、もう一度サインインしてください。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Some accounts in {path} were not valid, so they are not shown.</source>
        <translation>{path} の一部のアカウントが正しくないため、表示しません。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>There is no account {key}.</source>
        <translation>アカウント {key} はありません。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Could not save the account list to {path}: {reason}.</source>
        <translation>アカウント一覧を {path} に保存できませんでした：{reason}。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>A copy of it could not be saved.</source>
        <translation>そのコピーを保存できませんでした。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A copy of it was saved as {backup}.</source>
        <translation>そのコピーを {backup} として保存しました。</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/accounts_page.py" line="+159"/>
        <source>Search by e-mail or host</source>
        <translation>メールアドレスまたはホストで検索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search accounts</source>
        <translation>アカウントを検索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh all</source>
        <translation>すべて更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the balance of every account</source>
        <translation>すべてのアカウントの残高を読み取る</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh selected</source>
        <translation>選択を更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the balances of the selected rows</source>
        <translation>選択した行の残高を読み取る</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recharge…</source>
        <translation>チャージ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recharge the selected account (Ctrl+R)</source>
        <translation>選択したアカウントにチャージ (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading balances</source>
        <translation>残高を読み取り中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send no more balance requests</source>
        <translation>これ以上残高のリクエストを送信しない</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>{shown} of {total} accounts</source>
        <translation>{total} 件中 {shown} 件のアカウント</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Reading balances: {done} of {total}</source>
        <translation>残高を読み取り中: {done} / {total}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopping: {done} of {total} read</source>
        <translation>停止中: {done} / {total} 件読み取り済み</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopped: {done} of {total} read</source>
        <translation>停止しました: {done} / {total} 件読み取り済み</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{done} of {total} read</source>
        <translation>{done} / {total} 件読み取り済み</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{progress}, {failed} failed</source>
        <translation>{progress}、{failed} 件失敗</translation>
    </message>
</context>
<context>
    <name>AccountsTable</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/accounts_table.py" line="+158"/>
        <source>Sign-in expired</source>
        <translation>サインインの期限切れ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many requests</source>
        <translation>リクエストが多すぎます</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network error</source>
        <translation>ネットワークエラー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server error</source>
        <translation>サーバーエラー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unexpected reply</source>
        <translation>予期しない応答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not updated</source>
        <translation>更新されていません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading…</source>
        <translation>読み取り中…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Never read</source>
        <translation>未読み取り</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not update the balance: {reason}</source>
        <translation>残高を更新できませんでした: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last read {when}</source>
        <translation>最終読み取り: {when}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Low</source>
        <translation>不足</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The balance is below {threshold}.</source>
        <translation>残高が {threshold} を下回っています。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{amount} · {when}</source>
        <translation>{amount} · {when}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No paid order in the history on this computer.</source>
        <translation>このコンピューターの履歴に支払い済みの注文はありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{amount} paid {when} (order {order_no})</source>
        <translation>{amount}、{when} に支払い済み（注文 {order_no}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed in</source>
        <translation>サインイン済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading sign-in…</source>
        <translation>サインイン情報を読み込み中…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in again</source>
        <translation>再度サインインが必要</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{state} · current</source>
        <translation>{state} · 現在</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+50"/>
        <source>User id {user_id}</source>
        <translation>ユーザー ID {user_id}</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>{credits} a day over the last 7 days, top-ups left out</source>
        <translation>直近 7 日で 1 日あたり {credits}（チャージを除く）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The balance is not falling.</source>
        <translation>残高は減っていません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Balance</source>
        <translation>残高</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Credits</source>
        <translation>クレジット</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Low balance</source>
        <translation>残高不足</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Spent/day</source>
        <translation>1 日の利用額</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Runs out in</source>
        <translation>残高切れまで</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open orders</source>
        <translation>未払いの注文</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Last top-up</source>
        <translation>前回のチャージ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sign-in</source>
        <translation>サインイン</translation>
    </message>
</context>
<context>
    <name>AdminRequest</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/first_run.py" line="+699"/>
        <source>Copied. Paste it into an e-mail or a chat.</source>
        <translation>コピーしました。メールやチャットに貼り付けてください。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ask your administrator</source>
        <translation>管理者に依頼する</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask whoever gave you this app for one of these:
• An organisation configuration: a file named {file} that they place in {folder} (or anywhere, named by the {variable} environment variable). The app then starts on the sign-in screen.
• Or the client ID and client secret of your organisation’s OhMyGPT OAuth app: enter them under I have an OAuth app.</source>
        <translation>このアプリを配布した人に、次のいずれかを依頼してください：
• 組織の設定：{file} という名前のファイルを {folder} に置いてもらう（または任意の場所に置き、環境変数 {variable} でその場所を指定してもらう）。そうすればアプリはサインイン画面から始まります。
• または組織の OhMyGPT OAuth アプリのクライアント ID とクライアントシークレット：「OAuth アプリを持っている」で入力します。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A request you can send:</source>
        <translation>そのまま送れる依頼文：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hello,

I would like to use {app} {version} with our OhMyGPT account. Could you set it up for me? Either of these works:

- an organisation configuration file, {file}, placed in {folder} (or named by the {variable} environment variable), or
- the client ID and client secret of our OhMyGPT OAuth app, with its redirect URI and scope if they are not the defaults.

Thank you.</source>
        <translation>お疲れさまです。

{app} {version} を私たちの OhMyGPT アカウントで使いたいので、設定をお願いできますか？次のどちらかで使えるようになります：

- 組織の設定ファイル {file} を {folder} に置く（または環境変数 {variable} でその場所を指定する）、または
- 私たちの OhMyGPT OAuth アプリのクライアント ID とクライアントシークレット（リダイレクト URI とスコープが既定値でない場合はそれも）。

よろしくお願いします。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy request</source>
        <translation>依頼文をコピー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>← Back</source>
        <translation>← 戻る</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <location filename="../../ohmygpt_desktop/api/errors.py" line="+31"/>
        <source>The OhMyGPT service reported a problem.</source>
        <translation>OhMyGPT サービスで問題が発生しました。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Could not reach the OhMyGPT service. Check your internet connection or proxy.</source>
        <translation>OhMyGPT サービスに接続できません。インターネット接続またはプロキシを確認してください。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not connect to the OhMyGPT service. Check your internet connection, proxy or the API line in Settings.</source>
        <translation>OhMyGPT サービスに接続できませんでした。インターネット接続、プロキシ、または設定の API 接続先を確認してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The OhMyGPT service did not answer in time. Please try again in a moment.</source>
        <translation>OhMyGPT サービスから時間内に応答がありませんでした。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The connection to the OhMyGPT service was interrupted before the reply arrived.</source>
        <translation>応答を受け取る前に OhMyGPT サービスとの接続が切断されました。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your sign-in has expired or was revoked. Please sign in to this account again.</source>
        <translation>サインインの有効期限が切れたか、取り消されました。このアカウントにもう一度サインインしてください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The authorization code was not accepted. It may have expired or been used already: sign in again to get a new one.</source>
        <translation>認可コードが受け付けられませんでした。有効期限切れか、すでに使用済みの可能性があります。もう一度サインインして新しいコードを取得してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The OAuth app&apos;s client id or secret was refused. Check them in Settings.</source>
        <translation>OAuth アプリのクライアント ID またはシークレットが拒否されました。設定で確認してください。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your organisation&apos;s sign-in service is not set up correctly for this app (its client id or secret). Please tell your administrator.</source>
        <translation>組織のサインインサービスがこのアプリ向けに正しく設定されていません（クライアント ID またはシークレット）。管理者にお知らせください。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The account&apos;s balance is too low for this request. Please recharge.</source>
        <translation>アカウントの残高が不足しているため、このリクエストを実行できません。チャージしてください。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This OAuth app is not allowed to do that. Creating recharge orders needs the “trusted_advanced_access” permission level for the app.</source>
        <translation>この OAuth アプリにはその操作の権限がありません。チャージ注文を作成するには、アプリに「trusted_advanced_access」権限レベルが必要です。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This OAuth app is not allowed to read the balance. Reading the balance needs a permission level the app does not have (OhMyGPT&apos;s documentation does not say which). Ask whoever manages the OAuth app to check its permissions.</source>
        <translation>この OAuth アプリには残高を読み取る権限がありません。残高の読み取りには、このアプリが持っていない権限レベルが必要です（どのレベルかは OhMyGPT のドキュメントに記載されていません）。OAuth アプリの管理者に権限の確認を依頼してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This OAuth app is not allowed to read your account. Reading your account needs a permission level the app does not have (OhMyGPT&apos;s documentation does not say which). Ask whoever manages the OAuth app to check its permissions.</source>
        <translation>この OAuth アプリにはアカウント情報を読み取る権限がありません。アカウント情報の読み取りには、このアプリが持っていない権限レベルが必要です（どのレベルかは OhMyGPT のドキュメントに記載されていません）。OAuth アプリの管理者に権限の確認を依頼してください。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Too many requests. Please wait {seconds} seconds and try again.</source>
        <translation>リクエストが多すぎます。{seconds} 秒待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>リクエストが多すぎます。しばらく待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The OhMyGPT service did not accept the request.</source>
        <translation>OhMyGPT サービスがリクエストを受け付けませんでした。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The OhMyGPT service did not accept the address the app used. That address is an assumption, because OhMyGPT&apos;s documentation does not give it: the setting endpoints.{endpoint} can correct it.</source>
        <translation>OhMyGPT のサービスは、アプリが使用したアドレスを受け付けませんでした。このアドレスは OhMyGPT のドキュメントに記載がないため推定したものです。設定 endpoints.{endpoint} で修正できます。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The OhMyGPT service did not accept the address the app reads the balance from. That address is an assumption, because OhMyGPT&apos;s documentation does not give it: the setting endpoints.{endpoint} can correct it.</source>
        <translation>OhMyGPT のサービスは、アプリが残高の読み取りに使うアドレスを受け付けませんでした。このアドレスは OhMyGPT のドキュメントに記載がないため推定したものです。設定 endpoints.{endpoint} で修正できます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The OhMyGPT service did not accept the address the app creates invoice orders at. That address is an assumption, because OhMyGPT&apos;s documentation does not give it: the setting endpoints.{endpoint} can correct it.</source>
        <translation>OhMyGPT のサービスは、アプリが請求書注文の作成に使うアドレスを受け付けませんでした。このアドレスは OhMyGPT のドキュメントに記載がないため推定したものです。設定 endpoints.{endpoint} で修正できます。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The OhMyGPT service had a problem (error {status_text}). Please try again later.</source>
        <translation>OhMyGPT サービスで問題が発生しました（エラー {status_text}）。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The OhMyGPT service sent a reply the app does not understand. Please try again later; if it keeps happening, check the API line in Settings.</source>
        <translation>OhMyGPT サービスから、アプリが解釈できない応答が返されました。しばらくしてからもう一度お試しください。繰り返し発生する場合は、設定の API 接続先を確認してください。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The OhMyGPT service sent a balance the app cannot use: it is not a plain number of at most {digits} digits. Please try again later.</source>
        <translation>OhMyGPT サービスから、アプリで使用できない残高が返されました。{digits} 桁以内の通常の数値ではありません。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The payment link in the reply did not point to a trusted payment page, so the app did not open it.</source>
        <translation>応答に含まれる支払いリンクが信頼できる支払いページを指していなかったため、開きませんでした。</translation>
    </message>
</context>
<context>
    <name>BalanceView</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/balance_view.py" line="+284"/>
        <source>Balance</source>
        <translation>残高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recharge…</source>
        <translation>チャージ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add money to this account</source>
        <translation>このアカウントにチャージします</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the balance again now</source>
        <translation>今すぐ残高を取得し直します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in again</source>
        <translation>再サインイン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check now</source>
        <translation>今すぐ確認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not current</source>
        <translation>最新ではありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the last balance the app read; it may have changed since.</source>
        <translation>アプリが最後に取得した残高です。その後変わっている可能性があります。</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>{email} · {host}</source>
        <translation>{email} · {host}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Free balance: {free} credits ({free_usd})</source>
        <translation>無料残高：{free} クレジット（{free_usd}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{credits} credits · {free}</source>
        <translation>{credits} クレジット · {free}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Updating…</source>
        <translation>更新中…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loading the balance…</source>
        <translation>残高を読み込み中…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The saved sign-in for {email} could not be read from the system keyring. Sign in again, or restart the app to try the keyring again.</source>
        <translation>{email} の保存済みサインイン情報をシステムのキーリングから読み取れませんでした。再サインインするか、アプリを再起動してキーリングをもう一度試してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sign-in for {email} has expired or was revoked. Sign in again to see the balance and to recharge.</source>
        <translation>{email} のサインインの有効期限が切れたか、取り消されました。残高の確認やチャージを行うには、再サインインしてください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not update the balance (the figure shown is from {when}): {reason}</source>
        <translation>残高を更新できませんでした（表示中の数値は{when}のものです）：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not update the balance: {reason}</source>
        <translation>残高を更新できませんでした：{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Waiting for your payment… (checking the balance)</source>
        <translation>お支払いを待っています…（残高を確認中）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your balance is below {threshold}. Recharge to keep your API calls running.</source>
        <translation>残高が {threshold} を下回っています。API の呼び出しが止まらないよう、チャージしてください。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No account is signed in.</source>
        <translation>サインインしているアカウントはありません。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Reading the balance…</source>
        <translation>残高を取得中…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not read yet</source>
        <translation>未取得</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not current — last updated {when}</source>
        <translation>最新ではありません — 最終更新：{when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated {when}</source>
        <translation>最終更新：{when}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>just now</source>
        <translation>たった今</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{minutes} min ago</source>
        <translation>{minutes} 分前</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at {time}</source>
        <translation>{time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on {datetime}</source>
        <translation>{datetime}</translation>
    </message>
</context>
<context>
    <name>ClientSecret</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/client_secret.py" line="+37"/>
        <source>The client secret must not contain spaces or line breaks.</source>
        <translation>クライアントシークレットに空白や改行を含めることはできません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The client secret is too long.</source>
        <translation>クライアントシークレットが長すぎます。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter the client id first: the secret is stored for it.</source>
        <translation>先にクライアント ID を入力してください。シークレットはその ID に紐づけて保存されます。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/crash_dialog.py" line="+323"/>
        <source>Unexpected error – {app}</source>
        <translation>予期しないエラー – {app}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The app has to close</source>
        <translation>アプリを終了する必要があります</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something went wrong</source>
        <translation>問題が発生しました</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>It ran into a problem it cannot recover from. Your settings and order history are saved.</source>
        <translation>回復できない問題が発生しました。設定と注文履歴は保存されています。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the app again.</source>
        <translation>アプリをもう一度起動してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The app is still running: close this window and keep working. Your settings and order history are safe.</source>
        <translation>アプリは動作を続けています。このウィンドウを閉じて作業を続けてください。設定と注文履歴は無事です。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If this keeps happening, copy the details and send them with your question.</source>
        <translation>繰り返し起きる場合は、詳細をコピーして質問と一緒に送ってください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>If this keeps happening, restarting the app usually helps.</source>
        <translation>繰り返し起きる場合は、アプリを再起動するとたいてい解決します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One more error happened since this window opened.</source>
        <translation>このウィンドウを開いてから、さらに 1 件のエラーが発生しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} more errors happened since this window opened.</source>
        <translation>このウィンドウを開いてから、さらに {count} 件のエラーが発生しました。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log file:</source>
        <translation>ログファイル：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the details (tokens and secrets removed) to the clipboard.</source>
        <translation>詳細をクリップボードにコピーします（トークンやシークレットは除去済み）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied.</source>
        <translation>コピーしました。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hide details</source>
        <translation>詳細を隠す</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>CreditRate</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/credit_rate.py" line="+51"/>
        <source>≈ {usd}</source>
        <translation>≈ {usd}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{credits} credits</source>
        <translation>{credits} クレジット</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{rate} credits per US dollar: set by {organization}.</source>
        <translation>1 米ドルあたり {rate} クレジット：{organization} が設定しました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{rate} credits per US dollar: set by your organisation.</source>
        <translation>1 米ドルあたり {rate} クレジット：組織が設定しました。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{rate} credits per US dollar: set in your settings.</source>
        <translation>1 米ドルあたり {rate} クレジット：設定で指定されています。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{rate} credits per US dollar: set by the environment variable {name}.</source>
        <translation>1 米ドルあたり {rate} クレジット：環境変数 {name} で指定されています。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{rate} credits per US dollar: set on the command line.</source>
        <translation>1 米ドルあたり {rate} クレジット：コマンドラインで指定されています。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{rate} credits per US dollar: not stated by OhMyGPT; what other programs use.</source>
        <translation>1 米ドルあたり {rate} クレジット：OhMyGPT は明示していません。他のプログラムが使っている値です。</translation>
    </message>
</context>
<context>
    <name>CustomerMessageBox</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/customer_message_box.py" line="+90"/>
        <source>Message for the customer in:</source>
        <translation>お客様へのメッセージの言語：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of the message</source>
        <translation>メッセージの言語</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy message</source>
        <translation>メッセージをコピー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy a ready-to-send text with the amount, the link and until when it works</source>
        <translation>金額、リンク、その有効期限を含む、そのまま送れる文面をコピーします</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail draft…</source>
        <translation>メールの下書き…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the message in your e-mail program</source>
        <translation>メールソフトでメッセージを開きます</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Copied.</source>
        <translation>コピーしました。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The draft opened in your e-mail program.</source>
        <translation>メールソフトで下書きを開きました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No e-mail program could be opened: use “Copy message” instead.</source>
        <translation>メールソフトを開けませんでした。代わりに「メッセージをコピー」を使ってください。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ohmygpt_desktop/translatable.py" line="+107"/>
        <source>Something went wrong inside the app. Details are in the log file.</source>
        <translation>アプリ内部で問題が発生しました。詳細はログファイルを確認してください。</translation>
    </message>
</context>
<context>
    <name>FileExport</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/file_export.py" line="+25"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>JSON Lines ファイル (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/first_run.py" line="-499"/>
        <source>The demo is already open in another window of this app. It was brought to the front.</source>
        <translation>デモはこのアプリの別のウィンドウで既に開いています。そのウィンドウを前面に表示しました。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>To sign in to OhMyGPT, this app needs an OhMyGPT OAuth app: its client ID and client secret. Usually whoever gave you the app sets that up. Choose how to go on:</source>
        <translation>OhMyGPT にサインインするには、OhMyGPT OAuth アプリ（クライアント ID とクライアントシークレット）が必要です。通常はこのアプリを配布した人が設定します。続け方を選んでください：</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>Try the demo</source>
        <translation>デモを試す</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Look around first: a stand-in OhMyGPT service runs on this computer, with demo users and no real money. Your own settings and accounts are kept apart.</source>
        <translation>まずは試してみましょう：このコンピューター上で OhMyGPT の模擬サービスが動き、デモユーザーが用意されます。実際のお金は使われません。自分の設定やアカウントとは別に扱われます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Starting the demo service…</source>
        <translation>デモサービスを起動しています…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I have an OAuth app</source>
        <translation>OAuth アプリを持っている</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter its client ID and client secret, check them, and sign in.</source>
        <translation>クライアント ID とクライアントシークレットを入力して確認し、サインインします。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up my OAuth app…</source>
        <translation>OAuth アプリを設定…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask your administrator</source>
        <translation>管理者に依頼する</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Got this app from your organisation? Its administrator can set it up for you, so that you only need to sign in.</source>
        <translation>このアプリを組織から受け取りましたか？組織の管理者が設定すれば、あなたはサインインするだけで使えます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What to ask for…</source>
        <translation>依頼する内容…</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/history_model.py" line="+131"/>
        <source>Creating…</source>
        <translation>作成中…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting payment</source>
        <translation>支払い待ち</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>支払い済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown — check your OhMyGPT orders</source>
        <translation>不明 — OhMyGPT の注文を確認してください</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invoice</source>
        <translation>請求書</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checkout</source>
        <translation>カード決済</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{figures} credits</source>
        <translation>{figures} クレジット</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The app could not tell whether OhMyGPT created this order (the reply was lost or could not be used, or the app stopped). Check your orders on OhMyGPT before paying again.</source>
        <translation>OhMyGPT がこの注文を作成したかどうかを確認できませんでした（応答が失われたか利用できなかった、またはアプリが停止しました）。再度支払う前に、OhMyGPT で注文を確認してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not paid yet. The payment link is usually valid until {when} (Stripe Checkout links expire 24 hours after they are made unless their maker sets another time). The app marks the order paid when the balance rises.</source>
        <translation>未払いです。支払いリンクは通常 {when} まで有効です（Stripe Checkout のリンクは、作成者が別の期限を設定しない限り、作成から 24 時間で失効します）。残高が増えると、アプリは注文を支払済みにします。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not paid yet. The app marks the order paid when the balance rises.</source>
        <translation>未払いです。残高が増えると、アプリが注文を支払い済みにします。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The payment link expired before a payment arrived.</source>
        <translation>支払いが届く前に支払いリンクの有効期限が切れました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The balance rose by this order: paid.</source>
        <translation>この注文の分だけ残高が増えました：支払い済み。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order is being created.</source>
        <translation>注文を作成しています。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order number</source>
        <translation>注文番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance before → after</source>
        <translation>残高（前 → 後）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credits before → after</source>
        <translation>クレジット（前 → 後）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{email} on {host}</source>
        <translation>{host} の {email}</translation>
    </message>
</context>
<context>
    <name>HistoryScopes</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/team_history.py" line="+344"/>
        <source>&amp;Show:</source>
        <translation>表示(&amp;S):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer</source>
        <translation>このコンピューター</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/history_view.py" line="+368"/>
        <source>&amp;Show:</source>
        <translation>表示(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This account</source>
        <translation>このアカウント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All accounts</source>
        <translation>すべてのアカウント</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Copy link</source>
        <translation>リンクをコピー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the payment link of the selected order</source>
        <translation>選択した注文の支払いリンクをコピーします</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the payment page of the selected order in your browser</source>
        <translation>選択した注文の支払いページをブラウザで開きます</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy order number</source>
        <translation>注文番号をコピー</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+26"/>
        <source>Orders</source>
        <translation>注文</translation>
    </message>
    <message>
        <location line="+188"/>
        <source>No orders for this account yet. Choose “All accounts” to see the orders of your other accounts.</source>
        <translation>このアカウントの注文はまだありません。他のアカウントの注文を見るには「すべてのアカウント」を選んでください。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>No orders yet. Recharges you make appear here.</source>
        <translation>注文はまだありません。チャージするとここに表示されます。</translation>
    </message>
    <message>
        <location line="-207"/>
        <source>St&amp;atus:</source>
        <translation>状態(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Operator:</source>
        <translation>担当者(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From:</source>
        <translation>開始日(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>終了日(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any day</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search by order number, reference or e-mail (Ctrl+F)</source>
        <translation>注文番号・参照番号・メールアドレスで検索 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search orders</source>
        <translation>注文を検索</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open payment page</source>
        <translation>支払いページを開く</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the orders shown as a spreadsheet (CSV) or for scripts (JSON Lines)</source>
        <translation>表示中の注文をスプレッドシート (CSV) またはスクリプト用 (JSON Lines) として保存します</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order number:</source>
        <translation>注文番号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>状態：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account:</source>
        <translation>アカウント：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind:</source>
        <translation>種類：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount:</source>
        <translation>金額：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created:</source>
        <translation>作成日時：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link valid until:</source>
        <translation>リンクの有効期限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last change:</source>
        <translation>最終更新：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance before:</source>
        <translation>支払い前の残高：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance after:</source>
        <translation>支払い後の残高：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator:</source>
        <translation>担当者：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference:</source>
        <translation>参照番号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note:</source>
        <translation>メモ：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local ID:</source>
        <translation>ローカル ID：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select an order to see all of its details.</source>
        <translation>注文を選択すると、詳細がすべて表示されます。</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>No orders match. Change the filters or clear the search.</source>
        <translation>条件に一致する注文はありません。絞り込み条件を変えるか、検索をクリアしてください。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>{credits} credits ({usd})</source>
        <translation>{credits} クレジット（{usd}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{email} on {host}</source>
        <translation>{email}（{host}）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Payment link copied.</source>
        <translation>支払いリンクをコピーしました。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The app could not open your browser. Use “Copy link” and paste the link into a browser.</source>
        <translation>ブラウザを開けませんでした。「リンクをコピー」を使って、リンクをブラウザに貼り付けてください。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Order number {order_no} copied.</source>
        <translation>注文番号 {order_no} をコピーしました。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export orders</source>
        <translation>注文をエクスポート</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Could not export the orders: {reason}</source>
        <translation>注文をエクスポートできませんでした：{reason}</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Exported {count} orders to {path}.</source>
        <translation>{count} 件の注文を {path} にエクスポートしました。</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/ledger.py" line="+230"/>
        <source>The team ledger cannot be reached ({reason}).</source>
        <translation>チーム台帳に接続できません（{reason}）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Orders cannot be sent to the team ledger: the local queue failed ({reason}).</source>
        <translation>注文をチーム台帳に送信できません: ローカルのキューでエラーが発生しました（{reason}）。</translation>
    </message>
</context>
<context>
    <name>LedgerPasswordDialog</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/ledger_password.py" line="+65"/>
        <source>Team ledger password</source>
        <translation>チーム台帳のパスワード</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The password of {user} on the database server {host}. It is kept in the system keyring, never in the settings file.</source>
        <translation>データベースサーバー {host} の {user} のパスワードです。システムのキーリングに保存され、設定ファイルには決して書き込まれません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Forget stored password</source>
        <translation>保存したパスワードを削除(&amp;F)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saving to the system keyring…</source>
        <translation>システムのキーリングに保存しています…</translation>
    </message>
</context>
<context>
    <name>LedgerStatusLine</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/team_history.py" line="+78"/>
        <source>Team ledger offline — 1 change waiting</source>
        <translation>チーム台帳はオフラインです — 1 件の変更が送信待ちです</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Team ledger offline — {count} changes waiting</source>
        <translation>チーム台帳はオフラインです — {count} 件の変更が送信待ちです</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Team ledger offline</source>
        <translation>チーム台帳はオフラインです</translation>
    </message>
</context>
<context>
    <name>LoginPanel</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/login_panel.py" line="+457"/>
        <source>Copied. Paste it into your browser’s address bar.</source>
        <translation>コピーしました。ブラウザのアドレスバーに貼り付けてください。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>You signed in as {email}, not as {previous}. Both accounts are kept; {previous} still needs to sign in again.</source>
        <translation>{previous} ではなく {email} としてサインインしました。両方のアカウントが保持されます。{previous} は引き続き再サインインが必要です。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signed in as {email}.</source>
        <translation>{email} としてサインインしました。</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Sign in again to {email}</source>
        <translation>{email} に再サインイン</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add an OhMyGPT account</source>
        <translation>OhMyGPT アカウントを追加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Welcome to {app}</source>
        <translation>{app} へようこそ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to OhMyGPT</source>
        <translation>OhMyGPT にサインイン</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The app can no longer use this account’s sign-in. Sign in again: the account keeps its place and its order history.</source>
        <translation>このアカウントのサインイン情報は使用できなくなりました。再サインインしてください。アカウントの並び順と注文履歴はそのまま残ります。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your browser opens OhMyGPT’s authorization page. You approve the app there; it never sees your password.</source>
        <translation>ブラウザで OhMyGPT の認可ページが開きます。そこでアプリを承認してください。アプリがパスワードを知ることはありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>After you approve, the app finishes signing in by itself. You can also paste the code the page shows.</source>
        <translation>承認すると、アプリが自動的にサインインを完了します。ページに表示されたコードを貼り付けることもできます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>After you approve, the page shows a code: copy it and paste it below.</source>
        <translation>承認するとページにコードが表示されます。それをコピーして下に貼り付けてください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo mode: the sandbox’s authorization page lets you pick a demo user (for example alice@example.com). No real account or money is involved.</source>
        <translation>デモモード：サンドボックスの認可ページでデモユーザー（例：alice@example.com）を選べます。実際のアカウントやお金は使われません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To go back to your own accounts, choose Leave the demo in the menu (☰).</source>
        <translation>自分のアカウントに戻るには、メニュー（☰）の「デモを終了」を選んでください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1. Approve the app in your browser</source>
        <translation>1. ブラウザでアプリを承認する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with OhMyGPT</source>
        <translation>OhMyGPT でサインイン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browser did not open?</source>
        <translation>ブラウザが開きませんか？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{step} did not work: your browser could not be opened. Copy this address into your browser.</source>
        <translation>{step}に失敗しました。ブラウザを開けませんでした。このアドレスをブラウザにコピーしてください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>If your browser did not open, copy this address into your browser.</source>
        <translation>ブラウザが開かない場合は、このアドレスをブラウザにコピーしてください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The app could not listen for your browser on {address} ({reason}). Paste the code below instead.</source>
        <translation>アプリは {address} でブラウザからの応答を待ち受けできませんでした（{reason}）。代わりに下にコードを貼り付けてください。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>2. Paste the code shown in your browser</source>
        <translation>2. ブラウザに表示されたコードを貼り付ける</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The code, or the whole address (…?code=…&amp;state=…)</source>
        <translation>コード、またはアドレス全体（…?code=…&amp;state=…）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue</source>
        <translation>続行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing in…</source>
        <translation>サインイン中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each code works only once, so Retry starts a new sign-in in your browser.</source>
        <translation>コードは一度しか使えないため、「再試行」を押すとブラウザで新しいサインインを始めます。</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+14"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The app finishes by itself once you approve. If nothing happens, paste the code or the whole address below.</source>
        <translation>承認すると、アプリが自動でサインインを完了します。何も起きない場合は、コードまたはアドレス全体を下に貼り付けてください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for you to approve in your browser…</source>
        <translation>ブラウザーでの承認を待っています…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the page again</source>
        <translation>ページをもう一度開く</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Signing in was cancelled because no place to keep the sign-in was chosen. Nothing was saved.</source>
        <translation>サインイン情報の保存先が選ばれなかったため、サインインをキャンセルしました。何も保存されていません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signing in failed: {reason}</source>
        <translation>サインインに失敗しました：{reason}</translation>
    </message>
</context>
<context>
    <name>LoopbackPage</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/loopback.py" line="+39"/>
        <source>You are signed in</source>
        <translation>サインインしました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can close this tab and return to OhMyGPT Desktop.</source>
        <translation>このタブを閉じて OhMyGPT Desktop に戻ってください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign-in cancelled</source>
        <translation>サインインはキャンセルされました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The authorization was denied. You can close this tab.</source>
        <translation>認可が拒否されました。このタブは閉じてかまいません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to do here</source>
        <translation>このページでは何もする必要はありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This sign-in link is not for a sign-in this app is waiting for. You can close this tab.</source>
        <translation>このサインインのリンクは、アプリが待っているサインインのものではありません。このタブは閉じてかまいません。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/main_window.py" line="+111"/>
        <location line="+386"/>
        <location line="+11"/>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>{app} was already running, so these options of the new launch were not applied: {options}. Quit the app and start it again to use them.</source>
        <translation>{app} はすでに起動していたため、新しい起動で指定された次のオプションは適用されませんでした：{options}。使うにはアプリを終了してから起動し直してください。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>DEMO · sandbox</source>
        <translation>デモ · サンドボックス</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo mode: a built-in stand-in server on this computer. No real money.</source>
        <translation>デモモード：このコンピューターに内蔵された模擬サーバーを使用します。実際のお金は動きません。</translation>
    </message>
    <message>
        <location line="-202"/>
        <location line="+205"/>
        <source>Orders</source>
        <translation>注文履歴</translation>
    </message>
    <message>
        <location line="-203"/>
        <location line="+208"/>
        <source>Usage</source>
        <translation>使用状況</translation>
    </message>
    <message>
        <location line="-159"/>
        <location line="+12"/>
        <location line="+146"/>
        <source>Accounts</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Menu</source>
        <translation>メニュー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh balance</source>
        <translation>残高を更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recharge…</source>
        <translation>チャージ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All accounts…</source>
        <translation>すべてのアカウント…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search orders</source>
        <translation>注文を検索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About {app}</source>
        <translation>{app} について</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the demo</source>
        <translation>デモを終了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The app is already open with your own accounts in another window. It was brought to the front.</source>
        <translation>自分のアカウントを使うアプリが別のウィンドウで既に開いています。そのウィンドウを前面に表示しました。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Payment received: {amount} was added to {email}.</source>
        <translation>入金を確認しました：{email} に {amount} がチャージされました。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Payment received</source>
        <translation>入金を確認しました</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The balance of {email} went up, but only by {rise} of the {needed} credits that the {amount} order needs. The order is still waiting for payment.</source>
        <translation>{email} の残高が増えましたが、{amount} の注文に必要な {needed} クレジットのうち {rise} クレジット分だけです。この注文はまだ支払い待ちです。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Balance went up, order not paid yet</source>
        <translation>残高は増えましたが、注文はまだ支払われていません</translation>
    </message>
</context>
<context>
    <name>NoteStrip</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/banner.py" line="+58"/>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>OAuthAppForm</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/first_run.py" line="+117"/>
        <source>Enter the client ID of your OAuth app.</source>
        <translation>OAuth アプリのクライアント ID を入力してください。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter the client secret of your OAuth app.</source>
        <translation>OAuth アプリのクライアントシークレットを入力してください。</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Your OAuth app is set up for now, but the settings could not be saved: {reason}</source>
        <translation>OAuth アプリは今回の実行では設定されましたが、設定を保存できませんでした：{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The client secret could not be saved: {reason} Nothing was changed.</source>
        <translation>クライアントシークレットを保存できませんでした：{reason} 何も変更されていません。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Loading the authorization page…</source>
        <translation>認可ページを読み込んでいます…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving the client secret to the system keyring…</source>
        <translation>クライアントシークレットをシステムのキーリングに保存しています…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>I have an OAuth app</source>
        <translation>OAuth アプリを持っている</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the details of your OhMyGPT OAuth app. Check loads its authorization page to see whether the service accepts them; Save keeps them for sign-in.</source>
        <translation>OhMyGPT OAuth アプリの情報を入力してください。「確認」は認可ページを読み込み、サービスがこの情報を受け付けるかを調べます。「保存」はサインイン用に情報を保存します。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set outside the app; it cannot be changed here.</source>
        <translation>アプリの外部で設定されているため、ここでは変更できません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kept in the system keyring, never in the settings file.</source>
        <translation>システムのキーリングに保存され、設定ファイルには書き込まれません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>確認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save and continue</source>
        <translation>保存して続ける</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the page in your browser</source>
        <translation>ブラウザでページを開く</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sign-in pages come from {host}. To use another host, open Settings.</source>
        <translation>サインインページは {host} から読み込まれます。別のホストを使うには設定を開いてください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>← Back</source>
        <translation>← 戻る</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Settings</source>
        <translation>設定を開く</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>So the app could not tell whether the service accepts this client ID and redirect URI. Open the page in your browser to see.</source>
        <translation>そのため、サービスがこのクライアント ID とリダイレクト URI を受け付けるかどうかは判断できませんでした。ブラウザでページを開いて確認してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Found: the authorization page asks to approve this app.</source>
        <translation>見つかりました：認可ページはこのアプリの承認を求めています。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page: “{title}”</source>
        <translation>ページ：「{title}」</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The service does not know this client ID. Check it for typing mistakes, or ask whoever created the OAuth app.</source>
        <translation>サービスはこのクライアント ID を認識していません。入力ミスがないか確認するか、OAuth アプリを作成した人に問い合わせてください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The service does not allow this redirect URI for this app. Its domain must be the domain registered for the OAuth app; leave it empty to use the service’s own code page.</source>
        <translation>サービスはこのアプリにこのリダイレクト URI を許可していません。ドメインは OAuth アプリに登録されたドメインである必要があります。空欄にするとサービス自身のコード表示ページを使います。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The service refused the scope: it must match the OAuth app’s permissions exactly.</source>
        <translation>サービスはスコープを拒否しました。スコープは OAuth アプリの権限と完全に一致している必要があります。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not connect to {host}: {reason}</source>
        <translation>{host} に接続できませんでした：{reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no authorization page at {host} (HTTP 404). Check the sign-in page host in Settings.</source>
        <translation>{host} に認可ページがありません（HTTP 404）。設定でサインインページのホストを確認してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The service refused the request ({code}).</source>
        <translation>サービスはリクエストを拒否しました（{code}）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The service refused the request (HTTP {status}) without saying why.</source>
        <translation>サービスはリクエストを拒否しました（HTTP {status}）が、理由は示されませんでした。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The service had a problem (HTTP {status}).</source>
        <translation>サービスで問題が発生しました（HTTP {status}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The page sent the browser on to {host}, probably to log in first.</source>
        <translation>ページはブラウザを {host} に転送しました。おそらく先にログインが必要です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The authorization page loaded, but the app cannot read it (it may be drawn in the browser).</source>
        <translation>認可ページは読み込まれましたが、アプリは内容を読み取れません（ブラウザ内で描画されるページかもしれません）。</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/orders.py" line="+103"/>
        <source>The order history could not be read or changed.</source>
        <translation>注文履歴の読み取りまたは変更ができませんでした。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The disk is full, so the order history {path} could not be changed.</source>
        <translation>ディスクがいっぱいのため、注文履歴 {path} を変更できませんでした。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no order with local id {local_id}.</source>
        <translation>ローカル ID {local_id} の注文はありません。</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>The order history was written by a newer version of OhMyGPT Desktop (format {version}; this version understands up to {supported}). Update the app to see it.</source>
        <translation>注文履歴は新しいバージョンの OhMyGPT Desktop で書き込まれています（形式 {version}。このバージョンが扱えるのは形式 {supported} までです）。表示するにはアプリを更新してください。</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>The order history {path} could not be opened ({reason}).</source>
        <translation>注文履歴 {path} を開けませんでした（{reason}）。</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The order history {path} is damaged, and it is read-only, so it could not be moved aside. Move it away, then start the app again.</source>
        <translation>注文履歴 {path} は破損しており、読み取り専用のため別の場所に移せませんでした。ファイルを移動してから、アプリを起動し直してください。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The order history {path} is damaged and could not be moved aside ({reason}). Move it away, then start the app again.</source>
        <translation>注文履歴 {path} は破損しており、別の場所に移せませんでした（{reason}）。ファイルを移動してから、アプリを起動し直してください。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The order history was damaged, so the app started a new, empty one. The damaged file was kept as {copy}.</source>
        <translation>注文履歴が破損していたため、新しい空の注文履歴を作成しました。破損したファイルは {copy} として保存してあります。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The order history {path} is read-only, so new orders cannot be created. Past orders are shown. Make the file and its folder writable, then restart the app.</source>
        <translation>注文履歴 {path} は読み取り専用のため、新しい注文を作成できません。過去の注文は表示されます。ファイルとそのフォルダーを書き込み可能にしてから、アプリを起動し直してください。</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>The order history {path} could not be read ({reason}).</source>
        <translation>注文履歴 {path} を読み込めませんでした（{reason}）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The order history {path} could not be changed ({reason}).</source>
        <translation>注文履歴 {path} を変更できませんでした（{reason}）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The order history is closed.</source>
        <translation>注文履歴は閉じられています。</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Order {local_id} is already {status}; it cannot be completed.</source>
        <translation>注文 {local_id} はすでに {status} の状態のため、完了にできません。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Order {local_id} is {status}; only an order still being created can be discarded.</source>
        <translation>注文 {local_id} は {status} の状態です。破棄できるのは作成中の注文だけです。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Order {local_id} is already paid.</source>
        <translation>注文 {local_id} はすでに支払い済みです。</translation>
    </message>
    <message>
        <location line="+256"/>
        <source>Could not write {path}: {reason}.</source>
        <translation>{path} に書き込めませんでした：{reason}。</translation>
    </message>
</context>
<context>
    <name>ProfileSwitch</name>
    <message>
        <location filename="../../ohmygpt_desktop/app.py" line="+825"/>
        <source>The demo is already running for this home (process {pid}) but does not answer. Close it, or end that process, then try again.</source>
        <translation>このホームではデモが既に実行中です（プロセス {pid}）が、応答がありません。それを閉じるかプロセスを終了してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The app is already running with your own accounts (process {pid}) but does not answer. Close it, or end that process, then try again.</source>
        <translation>自分のアカウントを使うアプリが既に実行中です（プロセス {pid}）が、応答がありません。それを閉じるかプロセスを終了してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The app cannot use the folder {path} ({reason}).</source>
        <translation>アプリはフォルダー {path} を使用できません（{reason}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The demo service could not start ({reason}).</source>
        <translation>デモサービスを起動できませんでした（{reason}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The app is already switching. Wait a moment.</source>
        <translation>アプリは切り替え中です。しばらくお待ちください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The app could not switch ({error}). Details are in the log file.</source>
        <translation>アプリを切り替えられませんでした（{error}）。詳細はログファイルにあります。</translation>
    </message>
</context>
<context>
    <name>Provisioning</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/provisioning.py" line="+56"/>
        <source>The provisioning file {path} cannot be used: {problem}</source>
        <translation>プロビジョニングファイル {path} は使用できません：{problem}</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>client_secret needs a client_id as well.</source>
        <translation>client_secret を指定する場合は client_id も必要です。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>it does not exist.</source>
        <translation>ファイルが存在しません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it could not be read ({reason}).</source>
        <translation>ファイルを読み込めませんでした（{reason}）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{key}: {problem}</source>
        <translation>{key}：{problem}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>give client_secret or token_exchange_url, not both.</source>
        <translation>client_secret と token_exchange_url はどちらか一方だけを指定してください。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>it is not a UTF-8 text file.</source>
        <translation>ファイルが UTF-8 のテキストファイルではありません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it is not valid JSON (line {line}, column {column}).</source>
        <translation>ファイルが有効な JSON ではありません（{line} 行目、{column} 列目）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it is not valid JSON.</source>
        <translation>ファイルが有効な JSON ではありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it does not hold a JSON object of settings.</source>
        <translation>ファイルに設定の JSON オブジェクトが含まれていません。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{key} is not a setting a provisioning file can hold.</source>
        <translation>{key} はプロビジョニングファイルに指定できる設定ではありません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>locked must be a list of setting names.</source>
        <translation>locked は設定名のリストにしてください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>locked names {key}, which is not a setting.</source>
        <translation>locked に指定された {key} は設定ではありません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>client_secret must be text without spaces or line breaks.</source>
        <translation>client_secret は空白や改行を含まないテキストにしてください。</translation>
    </message>
</context>
<context>
    <name>Recharge</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/recharge.py" line="+234"/>
        <source>The connection was lost while the order was being created, so the app cannot tell whether it exists. It is listed as “unknown” in your order history: check your OhMyGPT orders before paying again.</source>
        <translation>注文の作成中に接続が切れたため、注文が作成されたかどうかを確認できません。注文履歴には「不明」と表示されます。再度支払う前に、OhMyGPT の注文を確認してください。</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Enter an amount.</source>
        <translation>金額を入力してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the amount as a number, for example 10 or 12.50.</source>
        <translation>金額は数値で入力してください（例：10、12.50）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the amount without thousands separators, for example 1000.</source>
        <translation>金額は桁区切りなしで入力してください（例：1000）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The amount must be more than zero.</source>
        <translation>金額は 0 より大きくしてください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use at most two decimal places (cents).</source>
        <translation>小数点以下は 2 桁（セント単位）までにしてください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The smallest amount is ${minimum}.</source>
        <translation>最低金額は ${minimum} です。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The largest amount is ${maximum}.</source>
        <translation>最高金額は ${maximum} です。</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>The reference is too long: at most {maximum} characters (it has {count}).</source>
        <translation>参照番号が長すぎます：最大 {maximum} 文字です（現在 {count} 文字）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reference cannot contain line breaks, tabs or other control characters.</source>
        <translation>参照番号に改行、タブ、その他の制御文字は使えません。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This account is no longer signed in to the app. Sign in to it again to recharge.</source>
        <translation>このアカウントはアプリにサインインしていません。チャージするには、このアカウントにもう一度サインインしてください。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Something went wrong inside the app while the order was being created, so it cannot tell whether the order exists. It is listed as “unknown” in your order history: check your OhMyGPT orders before paying again.</source>
        <translation>注文の作成中にアプリ内部で問題が発生したため、注文が作成されたかどうかを確認できません。注文履歴には「不明」と表示されます。再度支払う前に、OhMyGPT の注文を確認してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The app could not use OhMyGPT&apos;s reply, so no payment page was opened. {reason} The reply named order {order_no}, which OhMyGPT may have created: it is listed as “unknown” in your order history. Check your OhMyGPT orders before paying again.</source>
        <translation>OhMyGPT からの応答を利用できなかったため、支払いページは開いていません。{reason}応答には注文 {order_no} が記載されており、OhMyGPT で作成されている可能性があります。注文履歴には「不明」と表示されます。再度支払う前に、OhMyGPT の注文を確認してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The app could not use OhMyGPT&apos;s reply, so no payment page was opened. {reason} OhMyGPT may have created the order anyway: it is listed as “unknown” in your order history. Check your OhMyGPT orders before paying again.</source>
        <translation>OhMyGPT からの応答を利用できなかったため、支払いページは開いていません。{reason}それでも OhMyGPT で注文が作成されている可能性があります。注文履歴には「不明」と表示されます。再度支払う前に、OhMyGPT の注文を確認してください。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The app could not use OhMyGPT&apos;s reply, so no payment page was opened. {reason} The reply named order {order_no}. The app cannot tell whether OhMyGPT created the order, and it could not record it in the order history: {storage} Note the order number. Check your OhMyGPT orders before paying again.</source>
        <translation>OhMyGPT からの応答を利用できなかったため、支払いページは開いていません。{reason}応答には注文 {order_no} が示されていました。OhMyGPT が注文を作成したかどうかを確認できず、注文履歴にも記録できませんでした：{storage}注文番号を控えてください。再度支払う前に、OhMyGPT の注文を確認してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{reason} The app cannot tell whether OhMyGPT created the order, and it could not record it in the order history: {storage} Check your OhMyGPT orders before paying again.</source>
        <translation>{reason}OhMyGPT が注文を作成したかどうかを確認できず、注文履歴にも記録できませんでした：{storage}再度支払う前に、OhMyGPT の注文を確認してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Something went wrong inside the app while the order was being created, so it cannot tell whether OhMyGPT created the order, and it could not record it in the order history: {storage} Check your OhMyGPT orders before paying again.</source>
        <translation>注文の作成中にアプリ内部でエラーが発生したため、OhMyGPT が注文を作成したかどうかを確認できず、注文履歴にも記録できませんでした：{storage}再度支払う前に、OhMyGPT の注文を確認してください。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The order was created, but the app could not write it to the order history: {reason} Note the order number {order_no}: the app cannot mark it paid, so check your balance after paying.</source>
        <translation>注文は作成されましたが、注文履歴に書き込めませんでした：{reason}注文番号 {order_no} を控えてください。アプリではこの注文を支払い済みにできないため、支払い後に残高を確認してください。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not write the order history: the order was not sent.</source>
        <translation>注文履歴に書き込めませんでした：注文は送信されていません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your disk is full: the order was not sent.</source>
        <translation>ディスクがいっぱいです：注文は送信されていません。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/permissions.py" line="+45"/>
        <source>This app cannot create recharge orders: its OhMyGPT app has the permission level “{level}”, and recharge orders need “{needed}”. Recharge on the OhMyGPT website instead.</source>
        <translation>このアプリではチャージ注文を作成できません。OhMyGPT アプリの権限レベルは「{level}」ですが、チャージ注文には「{needed}」が必要です。代わりに OhMyGPT のウェブサイトでチャージしてください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This app cannot create recharge orders: OhMyGPT refused one before because its OhMyGPT app does not have the “{needed}” permission level. Recharge on the OhMyGPT website instead.</source>
        <translation>このアプリではチャージ注文を作成できません。OhMyGPT アプリに「{needed}」権限レベルがないため、以前 OhMyGPT に拒否されました。代わりに OhMyGPT のウェブサイトでチャージしてください。</translation>
    </message>
</context>
<context>
    <name>RechargeDialog</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/recharge_dialog.py" line="+522"/>
        <source>Recharge {email} ({host})</source>
        <translation>{email}（{host}）にチャージ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recharge {email}</source>
        <translation>{email} にチャージ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The money is added to the OhMyGPT account {email} on {host}. You pay on a Stripe page in your browser.</source>
        <translation>{host} の OhMyGPT アカウント {email} にチャージされます。支払いはブラウザで開く Stripe のページで行います。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other &amp;amount:</source>
        <translation>その他の金額(&amp;A)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{minimum} to {maximum}</source>
        <translation>{minimum}～{maximum}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>US dollars, for example 10 or 12{point}50</source>
        <translation>米ドル（例：10、12{point}50）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How to pay</source>
        <translation>支払い方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card payment page (Stripe Checkout)</source>
        <translation>カード決済ページ（Stripe Checkout）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice (Stripe Invoice: card or bank transfer)</source>
        <translation>請求書（Stripe Invoice：カードまたは銀行振込）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billing &amp;email (optional):</source>
        <translation>請求先メール（任意）(&amp;E)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave empty to use {email}</source>
        <translation>空欄なら {email} を使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reference (optional):</source>
        <translation>参照番号（任意）(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A ticket number or a short note</source>
        <translation>チケット番号または短いメモ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept with the order: shown in the order history, searchable and exported.</source>
        <translation>注文と一緒に保存されます：注文履歴に表示され、検索やエクスポートもできます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Created by {operator}</source>
        <translation>作成者：{operator}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in again</source>
        <translation>再サインイン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try anyway</source>
        <translation>それでも試す</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OhMyGPT may have given this app the permission since.</source>
        <translation>その後 OhMyGPT がこのアプリに権限を与えている可能性があります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I checked my OhMyGPT orders: create a new order anyway</source>
        <translation>OhMyGPT の注文を確認しました。それでも新しい注文を作成する</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Creates the order and opens the payment page in your browser</source>
        <translation>注文を作成し、ブラウザで支払いページを開きます</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order number:</source>
        <translation>注文番号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details:</source>
        <translation>詳細：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy link</source>
        <translation>リンクをコピー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open again</source>
        <translation>もう一度開く</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Enter an email address like name@example.com, or leave the field empty.</source>
        <translation>name@example.com のような形式でメールアドレスを入力するか、空欄のままにしてください。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>= {credits} credits</source>
        <translation>= {credits} クレジット</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Adds {amount} to {email} ({host})</source>
        <translation>{amount} を {email}（{host}）にチャージ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tops up {email} ({host})</source>
        <translation>チャージ先：{email}（{host}）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Creating the order… You can stop waiting: the order is still recorded under Orders.</source>
        <translation>注文を作成中です… 待つのをやめても、注文は「注文履歴」に記録されます。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The order was not created: OhMyGPT asks for a pause between requests. You can try again in {seconds} seconds.</source>
        <translation>注文は作成されませんでした。OhMyGPT からリクエストの間隔を空けるよう求められています。{seconds} 秒後にもう一度お試しください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The order was not created: OhMyGPT asks for a pause between requests. You can try again in 1 second.</source>
        <translation>注文は作成されませんでした。OhMyGPT からリクエストの間隔を空けるよう求められています。1 秒後にもう一度お試しください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The order was not created: OhMyGPT asked for a pause between requests. You can try again now.</source>
        <translation>注文は作成されませんでした。OhMyGPT からリクエストの間隔を空けるよう求められました。今すぐもう一度お試しいただけます。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Open your OhMyGPT orders</source>
        <translation>OhMyGPT の注文一覧を開く</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This account already has an open order from the last 30 minutes. Make sure it was not paid before you create another one:</source>
        <translation>このアカウントには直近 30 分以内に作成された未払いの注文があります。もう一つ作成する前に、それが支払われていないことを確認してください：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Created {minutes} min ago by {operator}: {amount}, not yet paid</source>
        <translation>{minutes} 分前に {operator} が作成：{amount}、未払い</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created {minutes} min ago: {amount}, not yet paid</source>
        <translation>{minutes} 分前に作成：{amount}、未払い</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click “Yes, create another order” to create it anyway.</source>
        <translation>それでも作成する場合は「はい、もう一つ注文を作成」をクリックしてください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Creating…</source>
        <translation>作成中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes, create another order</source>
        <translation>はい、もう一つ注文を作成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create another order</source>
        <translation>もう一つ注文を作成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create order</source>
        <translation>注文を作成</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Stop waiting</source>
        <translation>待機をやめる</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The order was not created. {reason}</source>
        <translation>注文は作成されませんでした。{reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sign-in for {email} is no longer valid. Sign in again before recharging.</source>
        <translation>{email} のサインインは無効になりました。チャージする前に再サインインしてください。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>So that you do not pay twice, the app creates another order only after you confirm that you checked.</source>
        <translation>二重払いを防ぐため、確認したことをチェックで示すまで新しい注文は作成されません。</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Stopped waiting. The request had already been sent: if OhMyGPT creates the order, it appears under Orders as “Awaiting payment” and you can open it from there.</source>
        <translation>待機をやめました。リクエストはすでに送信済みです。OhMyGPT が注文を作成した場合は「注文履歴」に「支払い待ち」として表示され、そこから開けます。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>This order: {amount}, sent {when}, order number {order_no}.</source>
        <translation>この注文：{amount}、{when} に送信、注文番号 {order_no}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This order: {amount}, sent {when}; OhMyGPT named no order number.</source>
        <translation>この注文：{amount}、{when} に送信。OhMyGPT から注文番号は届いていません。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Finish the payment in your browser</source>
        <translation>ブラウザで支払いを完了してください</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The invoice page opened in your browser. Pay there.</source>
        <translation>請求書のページをブラウザで開きました。そちらでお支払いください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The payment page opened in your browser. Pay there.</source>
        <translation>支払いページをブラウザで開きました。そちらでお支払いください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The app could not open your browser. Copy the link into a browser, or scan the QR code with your phone.</source>
        <translation>ブラウザを開けませんでした。リンクをブラウザにコピーするか、スマートフォンで QR コードを読み取ってください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{amount} for {email} ({host})</source>
        <translation>{email}（{host}）に {amount} をチャージ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stripe Invoice</source>
        <translation>Stripe Invoice</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stripe Checkout</source>
        <translation>Stripe Checkout</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The link is usually valid until {when}.</source>
        <translation>リンクは通常 {when} まで有効です。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stripe Checkout links expire 24 hours after they are made unless their maker sets another time; OhMyGPT does not say which it does.</source>
        <translation>Stripe Checkout のリンクは、作成者が別の期限を設定しない限り、作成から 24 時間で失効します。OhMyGPT がどちらなのかは明示されていません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The payment link as a QR code</source>
        <translation>支払いリンクの QR コード</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is a demo link to the sandbox on this computer: pay in the browser here (a phone cannot open it).</source>
        <translation>これはこのコンピューター上のサンドボックスへのデモ用リンクです。このコンピューターのブラウザーで支払ってください（スマートフォンでは開けません）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Or scan this code to pay on your phone.</source>
        <translation>スマートフォンでこのコードを読み取って支払うこともできます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You can close this window: the app checks the balance and marks the order paid as soon as the money arrives. Unpaid orders stay “Awaiting payment” under Orders until the link expires.</source>
        <translation>このウィンドウは閉じてもかまいません。アプリが残高を確認し、入金され次第、注文を支払い済みにします。未払いの注文は、リンクの有効期限が切れるまで「注文履歴」に「支払い待ち」として残ります。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/settings.py" line="+82"/>
        <source>The setting is not valid.</source>
        <translation>設定値が正しくありません。</translation>
    </message>
    <message>
        <location line="+251"/>
        <source>{what} is not a valid URL.</source>
        <translation>{what}は有効な URL ではありません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{what} must start with {schemes} (got {value}).</source>
        <translation>{what}は {schemes} で始めてください（入力値：{value}）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{what} has no host name (got {value}).</source>
        <translation>{what}にホスト名がありません（入力値：{value}）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{what} must not contain spaces.</source>
        <translation>{what}に空白を含めることはできません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} must use https:// (plain http:// is only allowed for this computer, e.g. http://127.0.0.1:{port}).</source>
        <translation>{what}には https:// を使用してください（http:// はこのコンピューター上のアドレスにのみ使用できます。例：http://127.0.0.1:{port}）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{what} must not have a query (?…) or fragment (#…).</source>
        <translation>{what}にクエリ（?…）やフラグメント（#…）を含めることはできません。</translation>
    </message>
    <message>
        <location line="+289"/>
        <source>The redirect URI</source>
        <translation>リダイレクト URI</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>{what} must not be empty.</source>
        <translation>{what}を空にすることはできません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} is too long (at most {count} characters).</source>
        <translation>{what}が長すぎます（最大 {count} 文字）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{what} must not contain control characters.</source>
        <translation>{what}に制御文字を含めることはできません。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/api/endpoints.py" line="+72"/>
        <source>Unknown endpoint {key}; known endpoints are {known}.</source>
        <translation>不明なエンドポイント {key} です。使用できるエンドポイント：{known}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The path for endpoint {key} must be text.</source>
        <translation>エンドポイント {key} のパスは文字列で指定してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The path for endpoint {key} must start with a single &apos;/&apos;.</source>
        <translation>エンドポイント {key} のパスは 1 つの &apos;/&apos; で始めてください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The path for endpoint {key} must be a path, not a URL.</source>
        <translation>エンドポイント {key} には URL ではなくパスを指定してください。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/settings.py" line="-210"/>
        <location line="+189"/>
        <source>{what} must be one of {options} (got {value}).</source>
        <translation>{what}は {options} のいずれかにしてください（入力値：{value}）。</translation>
    </message>
    <message>
        <location line="+343"/>
        <source>The proxy URL</source>
        <translation>プロキシのアドレス</translation>
    </message>
    <message>
        <location line="-641"/>
        <source>{what} must be between {low} and {high} seconds (got {value}).</source>
        <translation>{what}は {low}～{high} 秒の範囲で指定してください（入力値：{value}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} must be between {low} and {high} minutes (got {value}).</source>
        <translation>{what}は {low}～{high} 分の範囲で指定してください（入力値：{value}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} must be between {low} and {high} days (got {value}).</source>
        <translation>{what}は {low}～{high} 日の範囲で指定してください（指定値：{value}）。</translation>
    </message>
    <message>
        <location line="+255"/>
        <source>{what} must be an Ed25519 public key: 32 bytes written in base64.</source>
        <translation>{what}は Ed25519 公開鍵（32 バイトを base64 で表したもの）でなければなりません。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{what} must be an e-mail address or an https:// address (got {value}).</source>
        <translation>{what}はメールアドレスか https:// のアドレスにしてください（入力値：{value}）。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>{what} must not contain a password (got {value}). Remove it from the address and store it with “Set ledger password…” in Settings, or in a PGPASSFILE.</source>
        <translation>{what} にパスワードを含めることはできません（指定値: {value}）。アドレスから削除し、設定の「台帳のパスワードを設定…」で保存するか、PGPASSFILE に記載してください。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{what} must not have a fragment (#…).</source>
        <translation>{what} にフラグメント（#…）を含めることはできません。</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+31"/>
        <location line="+507"/>
        <source>{what} must be a number.</source>
        <translation>{what}は数値で指定してください。</translation>
    </message>
    <message>
        <location line="-535"/>
        <source>{what} must be at least {minimum} USD (got {value}).</source>
        <translation>{what}は {minimum} USD 以上にしてください（入力値：{value}）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+30"/>
        <source>{what} is too large (got {value}).</source>
        <translation>{what}が大きすぎます（入力値：{value}）。</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>{what} can have at most 2 decimal places (got {value}).</source>
        <translation>{what}の小数点以下は 2 桁までです（入力値：{value}）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{what} must be more than 0 (got {value}).</source>
        <translation>{what}は 0 より大きい値で指定してください（入力値：{value}）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>At most {count} recharge presets are allowed.</source>
        <translation>クイック金額は最大 {count} 個まで設定できます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A recharge preset</source>
        <translation>クイック金額</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The recharge preset {amount} is listed twice.</source>
        <translation>クイック金額 {amount} が重複しています。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The API base URL</source>
        <translation>API の URL</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The sign-in base URL</source>
        <translation>サインインページの URL</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The client id</source>
        <translation>クライアント ID</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The OAuth scope</source>
        <translation>OAuth スコープ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The token-exchange service address</source>
        <translation>トークン交換サービスのアドレス</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The update feed address</source>
        <translation>更新フィードのアドレス</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The update feed key</source>
        <translation>更新フィードの公開鍵</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The permission level</source>
        <translation>権限レベル</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The organisation name</source>
        <translation>組織名</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The support contact</source>
        <translation>サポート連絡先</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The API paths</source>
        <translation>API のパス</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The proxy mode</source>
        <translation>プロキシの種類</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The tray setting</source>
        <translation>トレイの設定</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The refresh interval</source>
        <translation>残高の更新間隔</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The payment watch time</source>
        <translation>支払いの確認期間</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The minimum recharge</source>
        <translation>最低チャージ額</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The maximum recharge</source>
        <translation>最高チャージ額</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The recharge presets</source>
        <translation>クイック金額</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The low-balance warning level</source>
        <translation>残高警告のしきい値</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The runs-out warning</source>
        <translation>残高切れの警告</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The number of credits per US dollar</source>
        <translation>1 米ドルあたりのクレジット数</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The request time limit</source>
        <translation>リクエストの制限時間</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The operator name</source>
        <translation>担当者名</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The team ledger address</source>
        <translation>チーム台帳のアドレス</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sharing payment links with the team</source>
        <translation>支払いリンクのチーム共有</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The keyring timeout</source>
        <translation>キーリングのタイムアウト</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{what} must be a number (got {value}).</source>
        <translation>{what}は数値で指定してください（入力値：{value}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} must be a whole number.</source>
        <translation>{what}は整数で指定してください。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{what} must be text.</source>
        <translation>{what}は文字列で指定してください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{what} must be true or false (got {value}).</source>
        <translation>{what} は true または false である必要があります（指定値: {value}）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{what} must be a whole number (got {value}).</source>
        <translation>{what}は整数で指定してください（入力値：{value}）。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{what} must be JSON ({kind}).</source>
        <translation>{what}は JSON（{kind}）で指定してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{what} must be a list.</source>
        <translation>{what}はリストで指定してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} must be an object.</source>
        <translation>{what}はオブジェクトで指定してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each value of {what}</source>
        <translation>{what} の各値</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Environment variable {variable}: {problem}</source>
        <translation>環境変数 {variable}：{problem}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unknown setting {name} given on the command line.</source>
        <translation>コマンドラインで不明な設定 {name} が指定されました。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Command-line setting {name}: {problem}</source>
        <translation>コマンドラインの設定 {name}：{problem}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The settings file {path} could not be read ({reason}). Default settings are used for now.</source>
        <translation>設定ファイル {path} を読み取れませんでした（{reason}）。当面は既定の設定を使用します。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{name}: the value cannot be used.</source>
        <translation>{name}：この値は使用できません。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The settings file {path} is not a text file, so default settings are used.</source>
        <translation>設定ファイル {path} はテキストファイルではないため、既定の設定を使用します。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The settings file {path} is not valid JSON (line {line}, column {column}), so default settings are used.</source>
        <translation>設定ファイル {path} は有効な JSON ではない（{line} 行目、{column} 列目）ため、既定の設定を使用します。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The settings file {path} does not contain a JSON object, so default settings are used.</source>
        <translation>設定ファイル {path} に JSON オブジェクトが含まれていないため、既定の設定を使用します。</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>{name}: {problem}</source>
        <translation>{name}：{problem}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Some settings in {path} were not valid, so their defaults are used.</source>
        <translation>{path} の一部の設定が正しくないため、それらの設定には既定値を使用します。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A copy of the file was saved as {backup}.</source>
        <translation>ファイルのコピーを {backup} として保存しました。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A copy of the file could not be saved.</source>
        <translation>ファイルのコピーを保存できませんでした。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rejected value was:</source>
        <translation>受け付けられなかった値：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rejected values were:</source>
        <translation>受け付けられなかった値：</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The settings file {path} could not be read as settings, so default settings are used.</source>
        <translation>設定ファイル {path} を設定として読み込めなかったため、既定の設定を使います。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The settings file {path} is a folder, so default settings are used.</source>
        <translation>設定ファイル {path} がフォルダーになっているため、既定の設定を使います。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>It could not be moved aside.</source>
        <translation>別の場所に移せませんでした。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It was moved to {backup}.</source>
        <translation>{backup} に移動しました。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A copy of it was saved as {backup}.</source>
        <translation>そのコピーを {backup} として保存しました。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A copy of it could not be saved.</source>
        <translation>そのコピーを保存できませんでした。</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Could not save settings to {path}: {reason}.</source>
        <translation>設定を {path} に保存できませんでした：{reason}。</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Unknown setting {name}.</source>
        <translation>不明な設定 {name} です。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location line="-1070"/>
        <source>US main site, direct</source>
        <translation>米国メインサイト直結</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloudflare CDN</source>
        <translation>Cloudflare CDN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloudflare Worker</source>
        <translation>Cloudflare Worker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimized CDN</source>
        <translation>最適化 CDN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Premium reverse proxy 1</source>
        <translation>高品質リバースプロキシ 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Premium reverse proxy 2</source>
        <translation>高品質リバースプロキシ 2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alternative for some regions</source>
        <translation>一部地域向けの代替</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/setting_fields.py" line="+200"/>
        <source>Takes effect the next time you start the app.</source>
        <translation>次回アプリを起動したときに反映されます。</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>{label}: custom address</source>
        <translation>{label}：カスタムアドレス</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter an amount in USD, for example 10 or 12.50.</source>
        <translation>米ドルで金額を入力してください（例：10、12.50）。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Enter a number, for example {example}.</source>
        <translation>数値を入力してください（例：{example}）。</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>“{item}” is not an amount. Separate amounts with commas.</source>
        <translation>「{item}」は金額ではありません。金額はカンマで区切ってください。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/settings_dialog.py" line="+88"/>
        <source>Demo sandbox on this computer</source>
        <translation>このコンピューター上のデモ用サンドボックス</translation>
    </message>
    <message>
        <location line="+284"/>
        <source>Enter the address of the proxy.</source>
        <translation>プロキシのアドレスを入力してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The maximum must not be less than the minimum ({low} USD).</source>
        <translation>上限は下限（{low} USD）以上にしてください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every amount must be between the minimum and the maximum ({low}–{high} USD); {amount} is not.</source>
        <translation>すべての金額を下限と上限の間（{low}～{high} USD）にしてください。{amount} は範囲外です。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saving the client secret to the system keyring…</source>
        <translation>クライアントシークレットをシステムのキーリングに保存しています…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Correct the marked values first ({tabs}).</source>
        <translation>先にエラーのある項目を修正してください（{tabs}）。</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>The client secret could not be saved: {reason}</source>
        <translation>クライアントシークレットを保存できませんでした：{reason}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{what}: the new value takes effect the next time you start the app.</source>
        <translation>{what}：新しい値は、次回アプリを起動したときに反映されます。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>testing…</source>
        <translation>測定中…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unreachable</source>
        <translation>接続不可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Measuring each line&apos;s response time…</source>
        <translation>各接続先の応答時間を測定しています…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No line answered. Check your connection or the proxy settings.</source>
        <translation>応答した接続先はありません。ネットワーク接続またはプロキシ設定を確認してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fastest: {line}.</source>
        <translation>最速：{line}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Double-click a line to use it.</source>
        <translation>接続先をダブルクリックすると切り替えます。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Use the fastest</source>
        <translation>最速を使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set ledger password…</source>
        <translation>台帳のパスワードを設定…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Set by your organisation; it cannot be changed here.</source>
        <translation>組織によって設定されているため、ここでは変更できません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set by {organization}.</source>
        <translation>{organization} によって設定されています。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/setting_fields.py" line="-54"/>
        <source>{label} — {host}</source>
        <translation>{label} — {host}</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/settings_dialog.py" line="-33"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/settings.py" line="-534"/>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth app</source>
        <translation>OAuth アプリ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appearance</source>
        <translation>外観</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance &amp;&amp; recharge</source>
        <translation>残高とチャージ</translation>
    </message>
    <message>
        <location line="+501"/>
        <source>API line:</source>
        <translation>API 接続先：</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/setting_fields.py" line="+9"/>
        <source>Custom…</source>
        <translation>カスタム…</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/settings_dialog.py" line="+8"/>
        <source>Test</source>
        <translation>速度テスト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure how fast each line answers from here.</source>
        <translation>このコンピューターから各接続先への応答速度を測定します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line</source>
        <translation>接続先</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Response time</source>
        <translation>応答時間</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/settings.py" line="+24"/>
        <source>Sign-in page:</source>
        <translation>サインインページ：</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/settings_dialog.py" line="+8"/>
        <source>The OhMyGPT OAuth app this program signs in with. You get the client id and secret when you register an app with OhMyGPT.</source>
        <translation>このプログラムがサインインに使う OhMyGPT OAuth アプリです。クライアント ID とシークレットは、OhMyGPT でアプリを登録すると発行されます。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/settings.py" line="+19"/>
        <source>Client id:</source>
        <translation>クライアント ID：</translation>
    </message>
    <message>
        <location line="+309"/>
        <source>Give up a request after:</source>
        <translation>リクエストを打ち切るまで：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>However slowly the reply arrives. An order whose reply does not arrive in time is kept as “unknown”, never as “not created”.</source>
        <translation>応答がどれほど遅くても、この時間で打ち切ります。応答が時間内に届かなかった注文は「不明」として残り、「作成されていない」とは表示しません。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Operator name:</source>
        <translation>担当者名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded with each order you create. Leave empty to use your user name on this computer.</source>
        <translation>作成する注文ごとに記録されます。空欄にすると、このコンピューターのユーザー名を使います。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Team ledger:</source>
        <translation>チーム台帳:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only for a team sharing one PostgreSQL database: postgresql://user@host/db. Leave empty to keep the order history on this computer only.</source>
        <translation>1 つの PostgreSQL データベースを共有するチーム向けです: postgresql://user@host/db。空欄のままにすると、注文履歴はこのコンピューターにのみ保存されます。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Client secret:</source>
        <translation>クライアントシークレット：</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/settings_dialog.py" line="+6"/>
        <source>Remove the stored client secret</source>
        <translation>保存済みのクライアントシークレットを削除</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/settings.py" line="-370"/>
        <source>Redirect URI:</source>
        <translation>リダイレクト URI：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scope:</source>
        <translation>スコープ：</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Proxy:</source>
        <translation>プロキシ：</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Use the system proxy settings</source>
        <translation>システムのプロキシ設定を使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No proxy</source>
        <translation>プロキシを使用しない</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom proxy</source>
        <translation>カスタムプロキシ</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Proxy address:</source>
        <translation>プロキシのアドレス：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An http://, https:// or socks5:// address, e.g. socks5://127.0.0.1:1080.</source>
        <translation>http://、https://、socks5:// で始まるアドレス（例：socks5://127.0.0.1:1080）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Language:</source>
        <translation>言語：</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Theme:</source>
        <translation>テーマ：</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Refresh the balance every:</source>
        <translation>残高の更新間隔：</translation>
    </message>
    <message>
        <location line="-719"/>
        <source> seconds</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+731"/>
        <source>Watch for a payment for:</source>
        <translation>支払いの確認期間：</translation>
    </message>
    <message>
        <location line="-730"/>
        <source> minutes</source>
        <translation> 分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location line="+559"/>
        <source>Token-exchange service:</source>
        <translation>トークン交換サービス：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only if your organisation runs one: the app then sends the sign-in code there and needs no client secret.</source>
        <translation>組織が運用している場合のみ指定します。アプリはサインインコードをそこへ送るため、クライアントシークレットは不要になります。</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>While a payment is being watched</source>
        <translation>支払いを確認している間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always</source>
        <translation>常に</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never</source>
        <translation>しない</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep running in the tray:</source>
        <translation>トレイで実行を続ける：</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Smallest recharge:</source>
        <translation>最低チャージ額：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Largest recharge:</source>
        <translation>最高チャージ額：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Quick amounts:</source>
        <translation>クイック金額：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USD amounts separated by commas, e.g. 5, 10, 20.</source>
        <translation>カンマ区切りの米ドル金額（例：5, 10, 20）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Low-balance warning below:</source>
        <translation>残高警告のしきい値：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Warn when forecast to run out within:</source>
        <translation>残高切れの予測がこの期間内なら警告：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Credits per US dollar:</source>
        <translation>1 米ドルあたりのクレジット：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The OhMyGPT documentation does not state this rate; 34000 is what other programs use. The app shows balances in dollars and checks that a payment arrived with it: change it only if OhMyGPT tells you otherwise.</source>
        <translation>OhMyGPT のドキュメントにはこの換算率が記載されていません。34000 は他のプログラムで使われている値です。アプリは残高のドル表示と入金の確認にこの値を使います。OhMyGPT から別の値を案内された場合にのみ変更してください。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/settings_dialog.py" line="+18"/>
        <source>Set by demo mode (--sandbox); it cannot be changed here.</source>
        <translation>デモモード（--sandbox）で設定されているため、ここでは変更できません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set on the command line; it cannot be changed here.</source>
        <translation>コマンドラインで設定されているため、ここでは変更できません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set by the environment variable {name}; it cannot be changed here.</source>
        <translation>環境変数 {name} で設定されているため、ここでは変更できません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Demo mode uses the sandbox&apos;s own app and its secret.</source>
        <translation>デモモードでは、サンドボックス専用のアプリとシークレットを使用します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Provided</source>
        <translation>提供済み</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not needed</source>
        <translation>不要</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not needed: sign-in goes through the token-exchange service.</source>
        <translation>不要です。サインインはトークン交換サービスを経由します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stored — type a new one to replace it</source>
        <translation>保存済み — 新しい値を入力すると置き換わります</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(stored in the system keyring, never in the settings file)</source>
        <translation>（システムのキーリングに保存され、設定ファイルには書き込まれません）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not check the keyring: {reason}</source>
        <translation>キーリングを確認できませんでした：{reason}</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/settings.py" line="-277"/>
        <source>Leave empty to use the provider&apos;s code page ({url}): you paste the code shown there into the app. A loopback address such as http://127.0.0.1:8765/callback lets the app finish sign-in by itself.</source>
        <translation>空欄の場合は、プロバイダーのコード表示ページ（{url}）を使います。そこに表示されたコードをアプリに貼り付けてください。http://127.0.0.1:8765/callback のようなループバックアドレスを指定すると、アプリが自動的にサインインを完了します。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/shortcuts_dialog.py" line="+48"/>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> or </source>
        <translation> または </translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/accounts.py" line="+56"/>
        <source>{step} failed: {reason}</source>
        <translation>{step}に失敗しました：{reason}</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Opening the browser</source>
        <translation>ブラウザの起動</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exchanging the code for a token</source>
        <translation>コードとトークンの交換</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading your account details</source>
        <translation>アカウント情報の取得</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving the sign-in securely</source>
        <translation>サインイン情報の安全な保存</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The client secret of the OhMyGPT app is not set. Enter it in Settings, then try again.</source>
        <translation>OhMyGPT アプリのクライアントシークレットが設定されていません。設定で入力してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/oauth.py" line="+31"/>
        <source>Paste the code shown in your browser after you approved the app.</source>
        <translation>アプリを承認した後にブラウザに表示されたコードを貼り付けてください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start by clicking “Sign in with OhMyGPT”, then paste the code shown in your browser.</source>
        <translation>まず「OhMyGPT でサインイン」をクリックし、ブラウザに表示されたコードを貼り付けてください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This sign-in attempt is more than 10 minutes old and has expired. Click “Sign in with OhMyGPT” to start again.</source>
        <translation>このサインインは開始から 10 分以上たったため、期限切れになりました。「OhMyGPT でサインイン」をクリックしてやり直してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This code belongs to a different sign-in attempt (for example an older browser tab). For your safety it was not used. Start again and paste the newest code.</source>
        <translation>このコードは別のサインイン（古いブラウザのタブなど）のものです。安全のため使用しませんでした。もう一度やり直して、最新のコードを貼り付けてください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The authorization was denied in the browser. Start again if you want to sign in.</source>
        <translation>ブラウザで認可が拒否されました。サインインする場合は、もう一度やり直してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That does not look like an authorization code. Copy the code (or the whole address) from the page your browser shows after you click Authorize.</source>
        <translation>認可コードではないようです。ブラウザで承認（Authorize）をクリックした後に表示されるページから、コード（またはアドレス全体）をコピーしてください。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ohmygpt_desktop/app.py" line="-360"/>
        <source>cannot use the folder {path} ({reason}).</source>
        <translation>フォルダー {path} を使用できません（{reason}）。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>it is already running for this home (process {pid}), and the smoke test needs the home to itself. Close it or use another --home.</source>
        <translation>このデータフォルダーでアプリがすでに起動しています（プロセス {pid}）。スモークテストにはフォルダーの専有が必要です。そのアプリを閉じるか、別の --home を指定してください。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>it is already running for this home (process {pid}) but does not answer. Close it, or end that process, then start the app again.</source>
        <translation>このデータフォルダーでアプリがすでに起動していますが（プロセス {pid}）、応答がありません。そのアプリを閉じるかプロセスを終了してから、起動し直してください。</translation>
    </message>
    <message>
        <location line="+488"/>
        <source>an unexpected problem ({error}). Details are in the log file.</source>
        <translation>予期しない問題が発生しました（{error}）。詳細はログファイルにあります。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/startup_failure.py" line="+25"/>
        <source>{app} could not start: {reason}</source>
        <translation>{app} を起動できませんでした：{reason}</translation>
    </message>
</context>
<context>
    <name>StorageChoiceDialog</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/storage_choice.py" line="+100"/>
        <source>Where should the sign-in be kept?</source>
        <translation>サインイン情報をどこに保存しますか？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No secure keyring found</source>
        <translation>安全なキーリングが見つかりません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This computer has no secure system keyring (such as GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager) that the app can use to keep your sign-in safe.</source>
        <translation>このコンピューターには、アプリがサインイン情報を安全に保存できるシステムキーリング（GNOME Keyring、KWallet、macOS のキーチェーン、Windows 資格情報マネージャーなど）がありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep me signed in for this session only</source>
        <translation>このセッションの間だけサインインを維持する</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recommended. You will need to sign in again after you quit the app.</source>
        <translation>推奨。アプリを終了すると、再サインインが必要になります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Store the sign-in in a file on this computer (not encrypted)</source>
        <translation>サインイン情報をこのコンピューター上のファイルに保存する（暗号化なし）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warning: the token is written unencrypted to a file readable only by your user account. Anyone who can read your files (or your backups) can use your OhMyGPT balance with it.</source>
        <translation>警告：トークンは暗号化されずに、あなたのユーザーアカウントだけが読み取れるファイルに書き込まれます。あなたのファイル（またはバックアップ）を読み取れる人は誰でも、これを使ってあなたの OhMyGPT の残高を使えます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File: {path}</source>
        <translation>ファイル：{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue</source>
        <translation>続行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel sign-in</source>
        <translation>サインインをキャンセル</translation>
    </message>
</context>
<context>
    <name>Support</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/errors.py" line="+16"/>
        <source>Need help? Contact {organization}: {support}</source>
        <translation>お困りの場合は {organization} にお問い合わせください：{support}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Need help? Contact {support}</source>
        <translation>お困りの場合はこちらにお問い合わせください：{support}</translation>
    </message>
</context>
<context>
    <name>TeamHistoryModel</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/team_history.py" line="-360"/>
        <source>{operator} ({desk})</source>
        <translation>{operator}（{desk}）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Creating…</source>
        <translation>作成中…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting payment</source>
        <translation>支払い待ち</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>支払い済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not created</source>
        <translation>作成されていません</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>参照番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{email} on {host}</source>
        <translation>{host} の {email}</translation>
    </message>
</context>
<context>
    <name>TeamHistoryView</name>
    <message>
        <location line="+138"/>
        <source>Search by operator, reference, e-mail or order number (Ctrl+F)</source>
        <translation>担当者・参照番号・メールアドレス・注文番号で検索 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search team orders</source>
        <translation>チームの注文を検索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open orders only</source>
        <translation>未払いの注文のみ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only orders that are not yet paid</source>
        <translation>まだ支払われていない注文だけを表示</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No orders in the team ledger yet.</source>
        <translation>チーム台帳にはまだ注文がありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No team orders match the search.</source>
        <translation>検索に一致するチームの注文はありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing {shown} of {total}</source>
        <translation>{total} 件中 {shown} 件を表示</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Team orders</source>
        <translation>チームの注文</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/tokens.py" line="+72"/>
        <source>The saved sign-in could not be read or written.</source>
        <translation>保存されたサインイン情報を読み書きできませんでした。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No secure system keyring is available on this computer.</source>
        <translation>このコンピューターでは安全なシステムキーリングを利用できません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keyring did not answer in time.</source>
        <translation>システムのキーリングから時間内に応答がありませんでした。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keyring reported an error.</source>
        <translation>システムのキーリングでエラーが発生しました。</translation>
    </message>
    <message>
        <location line="+304"/>
        <source>The system keyring is not answering (earlier requests are still waiting).</source>
        <translation>システムのキーリングが応答しません（以前の要求がまだ完了していません）。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Could not start a keyring request.</source>
        <translation>キーリングへの要求を開始できませんでした。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keyring did not answer in time (waited {seconds} seconds).</source>
        <translation>システムのキーリングから時間内に応答がありませんでした（{seconds} 秒待機）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not read the token file {path}: {reason}.</source>
        <translation>トークンファイル {path} を読み取れませんでした：{reason}。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The token file {path} is damaged.</source>
        <translation>トークンファイル {path} は破損しています。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Could not write the token file {path}: {reason}.</source>
        <translation>トークンファイル {path} に書き込めませんでした：{reason}。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The system keyring is locked. Unlock it and try again.</source>
        <translation>システムのキーリングがロックされています。ロックを解除してからもう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/tray.py" line="+125"/>
        <source>{app} keeps watching for your payment here. To quit, use Quit in this icon&apos;s menu.</source>
        <translation>{app} はここで支払いの確認を続けます。終了するには、このアイコンのメニューから「終了」を選んでください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{app} keeps running here. To quit, use Quit in this icon&apos;s menu.</source>
        <translation>{app} はここで実行を続けます。終了するには、このアイコンのメニューから「終了」を選んでください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still running in the tray</source>
        <translation>トレイで実行中です</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Open {app}</source>
        <translation>{app} を開く</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recharge…</source>
        <translation>チャージ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{email}: {balance}</source>
        <translation>{email}：{balance}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{credits} ({usd})</source>
        <translation>{credits}（{usd}）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Low balance</source>
        <translation>残高が少なくなっています</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The balance of {email} fell below {threshold}: {balance}. Recharge to keep your API calls running.</source>
        <translation>{email} の残高が {threshold} を下回りました：{balance}。API の呼び出しが止まらないよう、チャージしてください。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Balance running out</source>
        <translation>残高がまもなくなくなります</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{email}: {forecast}. Recharge to keep your API calls running.</source>
        <translation>{email}：{forecast}。API の呼び出しを続けるにはチャージしてください。</translation>
    </message>
</context>
<context>
    <name>UpdateNoticeBar</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/update_notice.py" line="+48"/>
        <source>Release notes</source>
        <translation>リリースノート</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download page</source>
        <translation>ダウンロードページ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This version has known problems that version {minimum} and later fix. Please install version {version}.</source>
        <translation>このバージョンには既知の問題があり、バージョン {minimum} 以降で修正されています。バージョン {version} をインストールしてください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version {version} is available.</source>
        <translation>バージョン {version} が公開されています。</translation>
    </message>
</context>
<context>
    <name>Usage</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/usage.py" line="+324"/>
        <source>The balance history could not be read or changed.</source>
        <translation>残高履歴を読み取りまたは変更できませんでした。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The balance history was written by a newer version of OhMyGPT Desktop (format {version}; this version understands up to {supported}).</source>
        <translation>残高履歴は新しいバージョンの OhMyGPT Desktop で書き込まれています（形式 {version}、このバージョンは {supported} まで対応）。</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>The balance history {path} could not be opened ({reason}), so balances read now are kept only until the app closes.</source>
        <translation>残高履歴 {path} を開けませんでした（{reason}）。今回読み取った残高はアプリを閉じるまでしか保持されません。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The balance history was damaged, so the app started a new, empty one. The damaged file was kept as {copy}.</source>
        <translation>残高履歴が破損していたため、新しい空の履歴を作成しました。破損したファイルは {copy} として保存されています。</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>The balance history could not be changed ({reason}).</source>
        <translation>残高履歴を変更できませんでした（{reason}）。</translation>
    </message>
    <message>
        <location line="+297"/>
        <source>Could not write {path}: {reason}.</source>
        <translation>{path} に書き込めませんでした：{reason}。</translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/usage_chart.py" line="+49"/>
        <source>Not enough data yet for a forecast</source>
        <translation>予測に必要なデータがまだ足りません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The balance has run out</source>
        <translation>残高がなくなりました</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lasts more than a year at this rate</source>
        <translation>このペースなら 1 年以上もちます</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs out within a day</source>
        <translation>1 日以内になくなります</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Runs out in {low} days or later</source>
        <translation>{low} 日以降になくなります</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs out in {low}–{high} days</source>
        <translation>{low}～{high} 日でなくなります</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Runs out in ~{days} days</source>
        <translation>約 {days} 日でなくなります</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>run out</source>
        <translation>残高切れ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no data</source>
        <translation>データなし</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&gt; 1 year</source>
        <translation>&gt; 1 年</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{low}–{high} d</source>
        <translation>{low}～{high} 日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>~{days} d</source>
        <translation>約 {days} 日</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{credits} credits</source>
        <translation>{credits} クレジット</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Balance trend</source>
        <translation>残高の推移</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Balance history chart</source>
        <translation>残高履歴のグラフ</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No balance readings in this period.</source>
        <translation>この期間の残高記録はありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} readings from {first} to {last}.</source>
        <translation>{count} 件の記録、{first} から {last} まで。</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>No balance readings in this period yet.</source>
        <translation>この期間の残高記録はまだありません。</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>{day}: spent {amount}</source>
        <translation>{day}：利用額 {amount}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{time}: {balance}</source>
        <translation>{time}：{balance}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Top-up: +{amount}</source>
        <translation>チャージ：+{amount}</translation>
    </message>
</context>
<context>
    <name>UsageView</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/usage_view.py" line="+170"/>
        <source>{days} days</source>
        <translation>{days} 日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the last {days} days</source>
        <translation>直近 {days} 日を表示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>CSV をエクスポート…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this account&apos;s balance readings as CSV</source>
        <translation>このアカウントの残高記録を CSV で保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export JSON Lines…</source>
        <translation>JSON Lines をエクスポート…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this account&apos;s balance readings as JSON Lines</source>
        <translation>このアカウントの残高記録を JSON Lines で保存</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Spent per day (last 7 days, top-ups left out): {amount}</source>
        <translation>1 日あたりの利用額（直近 7 日、チャージを除く）：{amount}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export balance readings</source>
        <translation>残高記録をエクスポート</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Could not export the balance readings: {reason}</source>
        <translation>残高記録をエクスポートできませんでした：{reason}</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Exported {count} balance readings to {path}.</source>
        <translation>{count} 件の残高記録を {path} にエクスポートしました。</translation>
    </message>
</context>
</TS>
