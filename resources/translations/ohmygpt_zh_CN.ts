<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/about_dialog.py" line="+163"/>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version {version} (commit {commit}, {date})</source>
        <translation>版本 {version}（提交 {commit}，{date}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A desktop client for the OhMyGPT API service: sign in with your OhMyGPT account, see your balance and recharge it.</source>
        <translation>OhMyGPT API 服务的桌面客户端：使用 OhMyGPT 账户登录，查看余额并充值。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demo mode: the app talks to a built-in stand-in of the OhMyGPT service on this computer. Its users, balances and payments are made up; no real money is involved. Demo mode keeps its own settings and order history.</source>
        <translation>演示模式：应用连接的是本机内置的 OhMyGPT 模拟服务。其中的用户、余额和支付均为虚构，不涉及真实资金。演示模式使用独立的设置和订单记录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set up for you by {organization}.</source>
        <translation>由 {organization} 为你设置。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OhMyGPT website</source>
        <translation>OhMyGPT 网站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact support</source>
        <translation>联系支持</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings file:</source>
        <translation>设置文件：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
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
        <translation>账户状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in kept in</source>
        <translation>登录信息保存位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>权限范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Needs to sign in again: the app cannot use this account until then.</source>
        <translation>需要重新登录：在此之前，应用无法使用此账户。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The stored sign-in could not be read: {problem}</source>
        <translation>无法读取已保存的登录信息：{problem}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keyring</source>
        <translation>系统密钥环</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This session only (forgotten when the app quits)</source>
        <translation>仅限本次会话（退出应用后清除）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A file on this computer (not encrypted)</source>
        <translation>本机上的文件（未加密）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anyone who can read your files (or your backups) can use this sign-in. File: {path}</source>
        <translation>任何能读取你的文件（或备份）的人都可以使用此登录信息。文件：{path}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not available</source>
        <translation>不可用</translation>
    </message>
</context>
<context>
    <name>AccountSwitcher</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/account_switcher.py" line="+111"/>
        <source>Recharge this account…</source>
        <translation>为此账户充值…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in again…</source>
        <translation>重新登录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account status…</source>
        <translation>账户状态…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add account…</source>
        <translation>添加账户…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out…</source>
        <translation>退出登录…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Switch account, add one, or sign out</source>
        <translation>切换账户、添加账户或退出登录</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>{email} — {host} (sign in again)</source>
        <translation>{email} — {host}（需重新登录）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{email} — {host}</source>
        <translation>{email} — {host}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ {email} · {host} — sign in again</source>
        <translation>⚠ {email} · {host} — 需重新登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{email} · {host}</source>
        <translation>{email} · {host}</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>All accounts ({count})…</source>
        <translation>所有账户（{count}）…</translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+9"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Sign out of {email}?</source>
        <translation>要退出 {email} 的登录吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The app forgets this account on this computer and removes its stored sign-in. Your order history stays. You can sign in again at any time.</source>
        <translation>应用将在本机上移除此账户及其已保存的登录信息。订单记录会保留。你可以随时重新登录。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Signed out of {email}. The app’s own records were cleared, but the stored sign-in could not be removed from the system keyring and may remain there. ({detail})</source>
        <translation>已退出 {email}。应用自身的记录已清除，但无法从系统密钥环中删除已保存的登录信息，它可能仍留在其中。（{detail}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signed out of {email}.</source>
        <translation>已退出 {email}。</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/errors.py" line="+53"/>
        <source>Now showing {email}, but the app could not remember this choice. {reason}</source>
        <translation>现在显示的是 {email}，但应用无法记住这一选择。{reason}</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/account_store.py" line="+53"/>
        <source>The account is not valid.</source>
        <translation>该账户无效。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The account</source>
        <translation>该账户</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{where} has no {field}.</source>
        <translation>{where}缺少 {field}。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{where}: {field} must be text.</source>
        <translation>{where}：{field} 必须是文本。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{where} has an empty user id.</source>
        <translation>{where}的用户 ID 为空。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where} has an invalid host {host}.</source>
        <translation>{where}的主机 {host} 无效。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{where}: {field} is not an ISO date and time.</source>
        <translation>{where}：{field} 不是 ISO 格式的日期和时间。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{where}: &apos;token_storage&apos; must be one of {options}.</source>
        <translation>{where}：&apos;token_storage&apos; 必须是 {options} 之一。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{where}: &apos;needs_reauth&apos; must be true or false.</source>
        <translation>{where}：&apos;needs_reauth&apos; 必须是 true 或 false。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Account #{index}</source>
        <translation>第 {index} 个账户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Account #{index} is not an object.</source>
        <translation>第 {index} 个账户不是对象。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The account {key} is listed twice.</source>
        <translation>账户 {key} 重复出现。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The account list {path} could not be read ({reason}). Sign in again to use your accounts.</source>
        <translation>无法读取账户列表 {path}（{reason}）。请重新登录以使用您的账户。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The account list {path} is damaged, so no account is shown. Sign in again to use your accounts.</source>
        <translation>账户列表 {path} 已损坏，因此不显示任何账户。请重新登录以使用您的账户。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Some accounts in {path} were not valid, so they are not shown.</source>
        <translation>{path} 中的部分账户无效，因此不会显示。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>There is no account {key}.</source>
        <translation>不存在账户 {key}。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Could not save the account list to {path}: {reason}.</source>
        <translation>无法将账户列表保存到 {path}：{reason}。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>A copy of it could not be saved.</source>
        <translation>无法保存其副本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A copy of it was saved as {backup}.</source>
        <translation>其副本已保存为 {backup}。</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/accounts_page.py" line="+159"/>
        <source>Search by e-mail or host</source>
        <translation>按电子邮件或主机搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search accounts</source>
        <translation>搜索账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh all</source>
        <translation>全部刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the balance of every account</source>
        <translation>读取所有账户的余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh selected</source>
        <translation>刷新所选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the balances of the selected rows</source>
        <translation>读取所选行的余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recharge…</source>
        <translation>充值…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recharge the selected account (Ctrl+R)</source>
        <translation>为所选账户充值 (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading balances</source>
        <translation>正在读取余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send no more balance requests</source>
        <translation>不再发送余额请求</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>{shown} of {total} accounts</source>
        <translation>显示 {shown} / {total} 个账户</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Reading balances: {done} of {total}</source>
        <translation>正在读取余额：{done} / {total}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopping: {done} of {total} read</source>
        <translation>正在停止：已读取 {done} / {total}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopped: {done} of {total} read</source>
        <translation>已停止：已读取 {done} / {total}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{done} of {total} read</source>
        <translation>已读取 {done} / {total}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{progress}, {failed} failed</source>
        <translation>{progress}，{failed} 个失败</translation>
    </message>
</context>
<context>
    <name>AccountsTable</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/accounts_table.py" line="+158"/>
        <source>Sign-in expired</source>
        <translation>登录已过期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many requests</source>
        <translation>请求过多</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network error</source>
        <translation>网络错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server error</source>
        <translation>服务器错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unexpected reply</source>
        <translation>意外的响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not updated</source>
        <translation>未更新</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Never read</source>
        <translation>从未读取</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not update the balance: {reason}</source>
        <translation>无法更新余额：{reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last read {when}</source>
        <translation>上次读取于 {when}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Low</source>
        <translation>不足</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The balance is below {threshold}.</source>
        <translation>余额低于 {threshold}。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{amount} · {when}</source>
        <translation>{amount} · {when}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No paid order in the history on this computer.</source>
        <translation>本机的历史记录中没有已支付的订单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{amount} paid {when} (order {order_no})</source>
        <translation>{amount}，支付于 {when}（订单 {order_no}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading sign-in…</source>
        <translation>正在读取登录信息…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in again</source>
        <translation>需要重新登录</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{state} · current</source>
        <translation>{state} · 当前</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+50"/>
        <source>User id {user_id}</source>
        <translation>用户 ID {user_id}</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>{credits} a day over the last 7 days, top-ups left out</source>
        <translation>最近 7 天每天 {credits}，不含充值</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The balance is not falling.</source>
        <translation>余额没有下降。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Credits</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Low balance</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Spent/day</source>
        <translation>每日花费</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Runs out in</source>
        <translation>预计耗尽</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open orders</source>
        <translation>未付订单</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Last top-up</source>
        <translation>上次充值</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sign-in</source>
        <translation>登录状态</translation>
    </message>
</context>
<context>
    <name>AdminRequest</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/first_run.py" line="+699"/>
        <source>Copied. Paste it into an e-mail or a chat.</source>
        <translation>已复制。请粘贴到邮件或聊天中。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ask your administrator</source>
        <translation>询问管理员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask whoever gave you this app for one of these:
• An organisation configuration: a file named {file} that they place in {folder} (or anywhere, named by the {variable} environment variable). The app then starts on the sign-in screen.
• Or the client ID and client secret of your organisation’s OhMyGPT OAuth app: enter them under I have an OAuth app.</source>
        <translation>请向提供此应用的人索取以下其中一项：
• 组织配置：一个名为 {file} 的文件，由对方放在 {folder} 中（或放在任意位置，并用环境变量 {variable} 指定）。之后应用启动时会直接显示登录界面。
• 或者你所在组织的 OhMyGPT OAuth 应用的客户端 ID 和客户端密钥：在“我有 OAuth 应用”中填写。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A request you can send:</source>
        <translation>可以直接发送的请求：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hello,

I would like to use {app} {version} with our OhMyGPT account. Could you set it up for me? Either of these works:

- an organisation configuration file, {file}, placed in {folder} (or named by the {variable} environment variable), or
- the client ID and client secret of our OhMyGPT OAuth app, with its redirect URI and scope if they are not the defaults.

Thank you.</source>
        <translation>你好：

我想在我们的 OhMyGPT 账户上使用 {app} {version}。能否帮我完成设置？以下任一方式都可以：

- 一个组织配置文件 {file}，放在 {folder} 中（或通过环境变量 {variable} 指定），或者
- 我们的 OhMyGPT OAuth 应用的客户端 ID 和客户端密钥；如果重定向 URI 和权限范围不是默认值，也请一并提供。

谢谢。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy request</source>
        <translation>复制请求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <location filename="../../ohmygpt_desktop/api/errors.py" line="+31"/>
        <source>The OhMyGPT service reported a problem.</source>
        <translation>OhMyGPT 服务报告了一个问题。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Could not reach the OhMyGPT service. Check your internet connection or proxy.</source>
        <translation>无法访问 OhMyGPT 服务。请检查网络连接或代理。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not connect to the OhMyGPT service. Check your internet connection, proxy or the API line in Settings.</source>
        <translation>无法连接到 OhMyGPT 服务。请检查网络连接、代理，或设置中的 API 线路。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The OhMyGPT service did not answer in time. Please try again in a moment.</source>
        <translation>OhMyGPT 服务响应超时。请稍后重试。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The connection to the OhMyGPT service was interrupted before the reply arrived.</source>
        <translation>在收到回复之前，与 OhMyGPT 服务的连接中断了。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your sign-in has expired or was revoked. Please sign in to this account again.</source>
        <translation>登录已过期或已被撤销。请重新登录此账户。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The authorization code was not accepted. It may have expired or been used already: sign in again to get a new one.</source>
        <translation>授权码未被接受，可能已过期或已被使用。请重新登录以获取新的授权码。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The OAuth app&apos;s client id or secret was refused. Check them in Settings.</source>
        <translation>OAuth 应用的客户端 ID 或密钥被拒绝。请在设置中检查。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your organisation&apos;s sign-in service is not set up correctly for this app (its client id or secret). Please tell your administrator.</source>
        <translation>您所在组织的登录服务没有为此应用正确设置（其客户端 ID 或密钥）。请告知您的管理员。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The account&apos;s balance is too low for this request. Please recharge.</source>
        <translation>账户余额不足，无法完成此请求。请充值。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This OAuth app is not allowed to do that. Creating recharge orders needs the “trusted_advanced_access” permission level for the app.</source>
        <translation>此 OAuth 应用无权执行该操作。创建充值订单需要应用具有“trusted_advanced_access”权限级别。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This OAuth app is not allowed to read the balance. Reading the balance needs a permission level the app does not have (OhMyGPT&apos;s documentation does not say which). Ask whoever manages the OAuth app to check its permissions.</source>
        <translation>此 OAuth 应用无权读取余额。读取余额需要该应用不具备的权限级别（OhMyGPT 的文档未说明是哪一级）。请联系管理该 OAuth 应用的人员检查其权限。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This OAuth app is not allowed to read your account. Reading your account needs a permission level the app does not have (OhMyGPT&apos;s documentation does not say which). Ask whoever manages the OAuth app to check its permissions.</source>
        <translation>此 OAuth 应用无权读取您的账户。读取账户需要该应用不具备的权限级别（OhMyGPT 的文档未说明是哪一级）。请联系管理该 OAuth 应用的人员检查其权限。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Too many requests. Please wait {seconds} seconds and try again.</source>
        <translation>请求过于频繁。请等待 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>请求过于频繁。请稍候再试。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The OhMyGPT service did not accept the request.</source>
        <translation>OhMyGPT 服务未接受该请求。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The OhMyGPT service did not accept the address the app used. That address is an assumption, because OhMyGPT&apos;s documentation does not give it: the setting endpoints.{endpoint} can correct it.</source>
        <translation>OhMyGPT 服务不接受本应用使用的地址。该地址是推测的，因为 OhMyGPT 的文档没有给出它：可以通过设置 endpoints.{endpoint} 更正。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The OhMyGPT service did not accept the address the app reads the balance from. That address is an assumption, because OhMyGPT&apos;s documentation does not give it: the setting endpoints.{endpoint} can correct it.</source>
        <translation>OhMyGPT 服务不接受本应用读取余额所用的地址。该地址是推测的，因为 OhMyGPT 的文档没有给出它：可以通过设置 endpoints.{endpoint} 更正。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The OhMyGPT service did not accept the address the app creates invoice orders at. That address is an assumption, because OhMyGPT&apos;s documentation does not give it: the setting endpoints.{endpoint} can correct it.</source>
        <translation>OhMyGPT 服务不接受本应用创建账单订单所用的地址。该地址是推测的，因为 OhMyGPT 的文档没有给出它：可以通过设置 endpoints.{endpoint} 更正。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The OhMyGPT service had a problem (error {status_text}). Please try again later.</source>
        <translation>OhMyGPT 服务出现问题（错误 {status_text}）。请稍后重试。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The OhMyGPT service sent a reply the app does not understand. Please try again later; if it keeps happening, check the API line in Settings.</source>
        <translation>OhMyGPT 服务返回了应用无法识别的回复。请稍后重试；如果问题持续出现，请检查设置中的 API 线路。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The OhMyGPT service sent a balance the app cannot use: it is not a plain number of at most {digits} digits. Please try again later.</source>
        <translation>OhMyGPT 服务返回的余额无法使用：它不是一个最多 {digits} 位的普通数字。请稍后重试。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The payment link in the reply did not point to a trusted payment page, so the app did not open it.</source>
        <translation>回复中的支付链接未指向可信的支付页面，因此应用没有打开它。</translation>
    </message>
</context>
<context>
    <name>BalanceView</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/balance_view.py" line="+284"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recharge…</source>
        <translation>充值…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add money to this account</source>
        <translation>为此账户充值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the balance again now</source>
        <translation>立即重新读取余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check now</source>
        <translation>立即检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not current</source>
        <translation>非最新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the last balance the app read; it may have changed since.</source>
        <translation>这是应用上次读取到的余额，之后可能已有变化。</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>{email} · {host}</source>
        <translation>{email} · {host}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Free balance: {free} credits ({free_usd})</source>
        <translation>免费余额：{free} 积分（{free_usd}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{credits} credits · {free}</source>
        <translation>{credits} 积分 · {free}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loading the balance…</source>
        <translation>正在加载余额…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The saved sign-in for {email} could not be read from the system keyring. Sign in again, or restart the app to try the keyring again.</source>
        <translation>无法从系统密钥环读取 {email} 已保存的登录信息。请重新登录，或重启应用以再次尝试读取密钥环。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sign-in for {email} has expired or was revoked. Sign in again to see the balance and to recharge.</source>
        <translation>{email} 的登录已过期或已被撤销。请重新登录以查看余额和充值。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not update the balance (the figure shown is from {when}): {reason}</source>
        <translation>无法更新余额（显示的数字来自{when}）：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not update the balance: {reason}</source>
        <translation>无法更新余额：{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Waiting for your payment… (checking the balance)</source>
        <translation>正在等待付款…（检查余额中）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your balance is below {threshold}. Recharge to keep your API calls running.</source>
        <translation>余额已低于 {threshold}。请及时充值，以免 API 调用中断。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No account is signed in.</source>
        <translation>尚未登录任何账户。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Reading the balance…</source>
        <translation>正在读取余额…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not current — last updated {when}</source>
        <translation>非最新 — 最后更新：{when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated {when}</source>
        <translation>最后更新：{when}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{minutes} min ago</source>
        <translation>{minutes} 分钟前</translation>
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
        <translation>客户端密钥不能包含空格或换行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The client secret is too long.</source>
        <translation>客户端密钥过长。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter the client id first: the secret is stored for it.</source>
        <translation>请先输入客户端 ID：密钥将按该 ID 保存。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/crash_dialog.py" line="+323"/>
        <source>Unexpected error – {app}</source>
        <translation>意外错误 – {app}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The app has to close</source>
        <translation>应用需要关闭</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>It ran into a problem it cannot recover from. Your settings and order history are saved.</source>
        <translation>应用遇到了无法恢复的问题。你的设置和订单记录已保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the app again.</source>
        <translation>请重新启动应用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The app is still running: close this window and keep working. Your settings and order history are safe.</source>
        <translation>应用仍在运行：关闭此窗口即可继续使用。你的设置和订单记录都安然无恙。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If this keeps happening, copy the details and send them with your question.</source>
        <translation>如果此问题反复出现，请复制详细信息并随你的问题一起发送。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>If this keeps happening, restarting the app usually helps.</source>
        <translation>如果此问题反复出现，重新启动应用通常会有帮助。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One more error happened since this window opened.</source>
        <translation>此窗口打开后又发生了 1 个错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} more errors happened since this window opened.</source>
        <translation>此窗口打开后又发生了 {count} 个错误。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the details (tokens and secrets removed) to the clipboard.</source>
        <translation>将详细信息复制到剪贴板（已移除令牌和密钥）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hide details</source>
        <translation>隐藏详细信息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详细信息</translation>
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
        <translation>{credits} 积分</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{rate} credits per US dollar: set by {organization}.</source>
        <translation>每美元 {rate} 积分：由 {organization} 设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{rate} credits per US dollar: set by your organisation.</source>
        <translation>每美元 {rate} 积分：由您的组织设置。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{rate} credits per US dollar: set in your settings.</source>
        <translation>每美元 {rate} 积分：在您的设置中设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{rate} credits per US dollar: set by the environment variable {name}.</source>
        <translation>每美元 {rate} 积分：由环境变量 {name} 设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{rate} credits per US dollar: set on the command line.</source>
        <translation>每美元 {rate} 积分：在命令行中设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{rate} credits per US dollar: not stated by OhMyGPT; what other programs use.</source>
        <translation>每美元 {rate} 积分：OhMyGPT 并未说明此比率，这是其他程序采用的值。</translation>
    </message>
</context>
<context>
    <name>CustomerMessageBox</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/customer_message_box.py" line="+90"/>
        <source>Message for the customer in:</source>
        <translation>给客户的消息语言：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of the message</source>
        <translation>消息的语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy message</source>
        <translation>复制消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy a ready-to-send text with the amount, the link and until when it works</source>
        <translation>复制一段可直接发送的文字，包含金额、链接及其有效期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail draft…</source>
        <translation>电子邮件草稿…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the message in your e-mail program</source>
        <translation>在您的电子邮件程序中打开这条消息</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The draft opened in your e-mail program.</source>
        <translation>草稿已在您的电子邮件程序中打开。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No e-mail program could be opened: use “Copy message” instead.</source>
        <translation>无法打开电子邮件程序：请改用“复制消息”。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ohmygpt_desktop/translatable.py" line="+107"/>
        <source>Something went wrong inside the app. Details are in the log file.</source>
        <translation>应用内部出现错误。详细信息请查看日志文件。</translation>
    </message>
</context>
<context>
    <name>FileExport</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/file_export.py" line="+25"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>JSON Lines 文件 (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/first_run.py" line="-499"/>
        <source>The demo is already open in another window of this app. It was brought to the front.</source>
        <translation>演示已在本应用的另一个窗口中打开，已将其切换到前台。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>To sign in to OhMyGPT, this app needs an OhMyGPT OAuth app: its client ID and client secret. Usually whoever gave you the app sets that up. Choose how to go on:</source>
        <translation>要登录 OhMyGPT，此应用需要一个 OhMyGPT OAuth 应用：它的客户端 ID 和客户端密钥。通常由提供此应用的人负责设置。请选择接下来怎么做：</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>Try the demo</source>
        <translation>试用演示</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Look around first: a stand-in OhMyGPT service runs on this computer, with demo users and no real money. Your own settings and accounts are kept apart.</source>
        <translation>先随便看看：本机会运行一个模拟的 OhMyGPT 服务，提供演示用户，不涉及真实资金。你自己的设置和账户会分开保存。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Starting the demo service…</source>
        <translation>正在启动演示服务…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I have an OAuth app</source>
        <translation>我有 OAuth 应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter its client ID and client secret, check them, and sign in.</source>
        <translation>填写它的客户端 ID 和客户端密钥，检查后即可登录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up my OAuth app…</source>
        <translation>设置我的 OAuth 应用…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask your administrator</source>
        <translation>询问管理员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Got this app from your organisation? Its administrator can set it up for you, so that you only need to sign in.</source>
        <translation>这个应用是你所在的组织提供的吗？组织的管理员可以替你完成设置，你只需登录即可。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What to ask for…</source>
        <translation>需要向管理员要什么…</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/history_model.py" line="+131"/>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting payment</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown — check your OhMyGPT orders</source>
        <translation>未知 — 请查看 OhMyGPT 订单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checkout</source>
        <translation>银行卡支付</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{figures} credits</source>
        <translation>{figures} 积分</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The app could not tell whether OhMyGPT created this order (the reply was lost or could not be used, or the app stopped). Check your orders on OhMyGPT before paying again.</source>
        <translation>应用无法确定 OhMyGPT 是否已创建此订单（回复丢失或无法使用，或应用已停止）。再次付款前，请先在 OhMyGPT 上查看你的订单。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not paid yet. The payment link is usually valid until {when} (Stripe Checkout links expire 24 hours after they are made unless their maker sets another time). The app marks the order paid when the balance rises.</source>
        <translation>尚未付款。付款链接通常在 {when} 之前有效（除非创建者另行设置，Stripe Checkout 链接会在创建 24 小时后失效）。余额增加时，本应用会将订单标记为已付款。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not paid yet. The app marks the order paid when the balance rises.</source>
        <translation>尚未支付。余额增加后，应用会将订单标记为已支付。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The payment link expired before a payment arrived.</source>
        <translation>支付链接在收到付款前已过期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The balance rose by this order: paid.</source>
        <translation>余额已按此订单增加：已支付。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order is being created.</source>
        <translation>正在创建订单。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance before → after</source>
        <translation>余额（前 → 后）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credits before → after</source>
        <translation>积分（之前 → 之后）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{email} on {host}</source>
        <translation>{host} 上的 {email}</translation>
    </message>
</context>
<context>
    <name>HistoryScopes</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/team_history.py" line="+344"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/history_view.py" line="+368"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This account</source>
        <translation>此账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All accounts</source>
        <translation>所有账户</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the payment link of the selected order</source>
        <translation>复制所选订单的支付链接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the payment page of the selected order in your browser</source>
        <translation>在浏览器中打开所选订单的支付页面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy order number</source>
        <translation>复制订单号</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+26"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+188"/>
        <source>No orders for this account yet. Choose “All accounts” to see the orders of your other accounts.</source>
        <translation>此账户还没有订单。选择“所有账户”可查看其他账户的订单。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>No orders yet. Recharges you make appear here.</source>
        <translation>还没有订单。你的充值订单会显示在这里。</translation>
    </message>
    <message>
        <location line="-207"/>
        <source>St&amp;atus:</source>
        <translation>状态(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Operator:</source>
        <translation>操作员(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search by order number, reference or e-mail (Ctrl+F)</source>
        <translation>按订单号、备注编号或电子邮件搜索 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search orders</source>
        <translation>搜索订单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open payment page</source>
        <translation>打开付款页面</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the orders shown as a spreadsheet (CSV) or for scripts (JSON Lines)</source>
        <translation>将显示的订单保存为电子表格 (CSV) 或供脚本使用的格式 (JSON Lines)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order number:</source>
        <translation>订单号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link valid until:</source>
        <translation>链接有效期至：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last change:</source>
        <translation>最后更新：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance before:</source>
        <translation>付款前余额：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance after:</source>
        <translation>付款后余额：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator:</source>
        <translation>操作员：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference:</source>
        <translation>备注编号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local ID:</source>
        <translation>本地 ID：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select an order to see all of its details.</source>
        <translation>选择一个订单即可查看其全部详情。</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>No orders match. Change the filters or clear the search.</source>
        <translation>没有符合条件的订单。请更改筛选条件或清除搜索。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>{credits} credits ({usd})</source>
        <translation>{credits} 积分（{usd}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{email} on {host}</source>
        <translation>{email}（{host}）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Payment link copied.</source>
        <translation>已复制支付链接。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The app could not open your browser. Use “Copy link” and paste the link into a browser.</source>
        <translation>无法打开浏览器。请使用“复制链接”，然后将链接粘贴到浏览器中。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Order number {order_no} copied.</source>
        <translation>已复制订单号 {order_no}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export orders</source>
        <translation>导出订单</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Could not export the orders: {reason}</source>
        <translation>无法导出订单：{reason}</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Exported {count} orders to {path}.</source>
        <translation>已将 {count} 个订单导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/ledger.py" line="+230"/>
        <source>The team ledger cannot be reached ({reason}).</source>
        <translation>无法连接团队账本（{reason}）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Orders cannot be sent to the team ledger: the local queue failed ({reason}).</source>
        <translation>无法向团队账本发送订单：本地队列出错（{reason}）。</translation>
    </message>
</context>
<context>
    <name>LedgerPasswordDialog</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/ledger_password.py" line="+65"/>
        <source>Team ledger password</source>
        <translation>团队账本密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The password of {user} on the database server {host}. It is kept in the system keyring, never in the settings file.</source>
        <translation>数据库服务器 {host} 上 {user} 的密码。它保存在系统密钥环中，绝不会写入设置文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Forget stored password</source>
        <translation>删除已保存的密码(&amp;F)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saving to the system keyring…</source>
        <translation>正在保存到系统密钥环…</translation>
    </message>
</context>
<context>
    <name>LedgerStatusLine</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/team_history.py" line="+78"/>
        <source>Team ledger offline — 1 change waiting</source>
        <translation>团队账本离线 — 1 项更改等待同步</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Team ledger offline — {count} changes waiting</source>
        <translation>团队账本离线 — {count} 项更改等待同步</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Team ledger offline</source>
        <translation>团队账本离线</translation>
    </message>
</context>
<context>
    <name>LoginPanel</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/login_panel.py" line="+457"/>
        <source>Copied. Paste it into your browser’s address bar.</source>
        <translation>已复制。请粘贴到浏览器的地址栏中。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>You signed in as {email}, not as {previous}. Both accounts are kept; {previous} still needs to sign in again.</source>
        <translation>你登录的是 {email}，而不是 {previous}。两个账户都会保留；{previous} 仍需重新登录。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signed in as {email}.</source>
        <translation>已使用 {email} 登录。</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Sign in again to {email}</source>
        <translation>重新登录 {email}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add an OhMyGPT account</source>
        <translation>添加 OhMyGPT 账户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Welcome to {app}</source>
        <translation>欢迎使用 {app}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to OhMyGPT</source>
        <translation>登录 OhMyGPT</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The app can no longer use this account’s sign-in. Sign in again: the account keeps its place and its order history.</source>
        <translation>应用已无法使用此账户的登录信息。请重新登录：账户会保留原有位置和订单记录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your browser opens OhMyGPT’s authorization page. You approve the app there; it never sees your password.</source>
        <translation>浏览器将打开 OhMyGPT 的授权页面，请在那里批准此应用；应用不会接触到你的密码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>After you approve, the app finishes signing in by itself. You can also paste the code the page shows.</source>
        <translation>批准后，应用会自动完成登录。你也可以粘贴页面上显示的代码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>After you approve, the page shows a code: copy it and paste it below.</source>
        <translation>批准后，页面会显示一个代码：请复制并粘贴到下方。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo mode: the sandbox’s authorization page lets you pick a demo user (for example alice@example.com). No real account or money is involved.</source>
        <translation>演示模式：可以在沙盒的授权页面上选择一个演示用户（例如 alice@example.com），不涉及真实账户或资金。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To go back to your own accounts, choose Leave the demo in the menu (☰).</source>
        <translation>要回到你自己的账户，请在菜单（☰）中选择“退出演示”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1. Approve the app in your browser</source>
        <translation>1. 在浏览器中批准此应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with OhMyGPT</source>
        <translation>使用 OhMyGPT 登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browser did not open?</source>
        <translation>浏览器没有打开？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{step} did not work: your browser could not be opened. Copy this address into your browser.</source>
        <translation>{step}失败：无法打开浏览器。请将此地址复制到浏览器中。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>If your browser did not open, copy this address into your browser.</source>
        <translation>如果浏览器没有打开，请将此地址复制到浏览器中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The app could not listen for your browser on {address} ({reason}). Paste the code below instead.</source>
        <translation>应用无法在 {address} 上等待浏览器返回（{reason}）。请改为在下方粘贴代码。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>2. Paste the code shown in your browser</source>
        <translation>2. 粘贴浏览器中显示的代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The code, or the whole address (…?code=…&amp;state=…)</source>
        <translation>代码或完整地址（…?code=…&amp;state=…）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each code works only once, so Retry starts a new sign-in in your browser.</source>
        <translation>每个代码只能使用一次，因此“重试”会在浏览器中开始新的登录。</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+14"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The app finishes by itself once you approve. If nothing happens, paste the code or the whole address below.</source>
        <translation>你批准后，应用会自动完成登录。如果没有反应，请将授权码或完整地址粘贴到下方。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for you to approve in your browser…</source>
        <translation>正在等待你在浏览器中批准…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the page again</source>
        <translation>再次打开页面</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Signing in was cancelled because no place to keep the sign-in was chosen. Nothing was saved.</source>
        <translation>由于没有选择登录信息的保存位置，登录已取消。未保存任何内容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signing in failed: {reason}</source>
        <translation>登录失败：{reason}</translation>
    </message>
</context>
<context>
    <name>LoopbackPage</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/loopback.py" line="+39"/>
        <source>You are signed in</source>
        <translation>你已登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can close this tab and return to OhMyGPT Desktop.</source>
        <translation>你可以关闭此标签页并返回 OhMyGPT Desktop。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign-in cancelled</source>
        <translation>登录已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The authorization was denied. You can close this tab.</source>
        <translation>授权已被拒绝。你可以关闭此标签页。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to do here</source>
        <translation>此页面无需操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This sign-in link is not for a sign-in this app is waiting for. You can close this tab.</source>
        <translation>此登录链接不属于本应用正在等待的登录。你可以关闭此标签页。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/main_window.py" line="+111"/>
        <location line="+386"/>
        <location line="+11"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>{app} was already running, so these options of the new launch were not applied: {options}. Quit the app and start it again to use them.</source>
        <translation>{app} 已在运行，因此新启动时给出的这些选项未生效：{options}。如需使用，请退出应用后重新启动。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>DEMO · sandbox</source>
        <translation>演示 · 沙盒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo mode: a built-in stand-in server on this computer. No real money.</source>
        <translation>演示模式：使用本机内置的模拟服务器，不涉及真实资金。</translation>
    </message>
    <message>
        <location line="-202"/>
        <location line="+205"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="-203"/>
        <location line="+208"/>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <location line="-159"/>
        <location line="+12"/>
        <location line="+146"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh balance</source>
        <translation>刷新余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recharge…</source>
        <translation>充值…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All accounts…</source>
        <translation>所有账户…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search orders</source>
        <translation>搜索订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the demo</source>
        <translation>退出演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The app is already open with your own accounts in another window. It was brought to the front.</source>
        <translation>应用已在另一个窗口中以你自己的账户打开，已将其切换到前台。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Payment received: {amount} was added to {email}.</source>
        <translation>付款已到账：{amount} 已充值到 {email}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Payment received</source>
        <translation>付款已到账</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The balance of {email} went up, but only by {rise} of the {needed} credits that the {amount} order needs. The order is still waiting for payment.</source>
        <translation>{email} 的余额有所增加，但只增加了 {rise} 积分，而这笔 {amount} 的订单需要 {needed} 积分。该订单仍在等待付款。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Balance went up, order not paid yet</source>
        <translation>余额已增加，订单尚未付款</translation>
    </message>
</context>
<context>
    <name>NoteStrip</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/banner.py" line="+58"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>OAuthAppForm</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/first_run.py" line="+117"/>
        <source>Enter the client ID of your OAuth app.</source>
        <translation>请填写你的 OAuth 应用的客户端 ID。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter the client secret of your OAuth app.</source>
        <translation>请填写你的 OAuth 应用的客户端密钥。</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Your OAuth app is set up for now, but the settings could not be saved: {reason}</source>
        <translation>你的 OAuth 应用在本次运行中已设置好，但设置无法保存：{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The client secret could not be saved: {reason} Nothing was changed.</source>
        <translation>无法保存客户端密钥：{reason} 没有做任何更改。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Loading the authorization page…</source>
        <translation>正在加载授权页面…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving the client secret to the system keyring…</source>
        <translation>正在将客户端密钥保存到系统密钥环…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>I have an OAuth app</source>
        <translation>我有 OAuth 应用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the details of your OhMyGPT OAuth app. Check loads its authorization page to see whether the service accepts them; Save keeps them for sign-in.</source>
        <translation>填写你的 OhMyGPT OAuth 应用的信息。“检查”会加载它的授权页面，看服务是否接受这些信息；“保存”会保留它们用于登录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set outside the app; it cannot be changed here.</source>
        <translation>已在应用外部设定，无法在此更改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kept in the system keyring, never in the settings file.</source>
        <translation>保存在系统密钥环中，不会写入设置文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save and continue</source>
        <translation>保存并继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the page in your browser</source>
        <translation>在浏览器中打开该页面</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sign-in pages come from {host}. To use another host, open Settings.</source>
        <translation>登录页面来自 {host}。如需使用其他主机，请打开设置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>So the app could not tell whether the service accepts this client ID and redirect URI. Open the page in your browser to see.</source>
        <translation>因此应用无法判断服务是否接受这个客户端 ID 和重定向 URI。请在浏览器中打开该页面查看。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Found: the authorization page asks to approve this app.</source>
        <translation>已找到：授权页面请求批准这个应用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page: “{title}”</source>
        <translation>页面：“{title}”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The service does not know this client ID. Check it for typing mistakes, or ask whoever created the OAuth app.</source>
        <translation>服务不认识这个客户端 ID。请检查是否有输入错误，或询问创建该 OAuth 应用的人。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The service does not allow this redirect URI for this app. Its domain must be the domain registered for the OAuth app; leave it empty to use the service’s own code page.</source>
        <translation>服务不允许这个应用使用该重定向 URI。它的域名必须是为该 OAuth 应用登记的域名；留空即可使用服务自己的授权码页面。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The service refused the scope: it must match the OAuth app’s permissions exactly.</source>
        <translation>服务拒绝了该权限范围：它必须与 OAuth 应用的权限完全一致。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not connect to {host}: {reason}</source>
        <translation>无法连接到 {host}：{reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no authorization page at {host} (HTTP 404). Check the sign-in page host in Settings.</source>
        <translation>{host} 上没有授权页面（HTTP 404）。请在设置中检查登录页面主机。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The service refused the request ({code}).</source>
        <translation>服务拒绝了该请求（{code}）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The service refused the request (HTTP {status}) without saying why.</source>
        <translation>服务拒绝了该请求（HTTP {status}），但没有说明原因。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The service had a problem (HTTP {status}).</source>
        <translation>服务出现问题（HTTP {status}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The page sent the browser on to {host}, probably to log in first.</source>
        <translation>该页面把浏览器转到了 {host}，可能是要求先登录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The authorization page loaded, but the app cannot read it (it may be drawn in the browser).</source>
        <translation>授权页面已加载，但应用无法读取其内容（它可能是在浏览器中绘制的）。</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/orders.py" line="+103"/>
        <source>The order history could not be read or changed.</source>
        <translation>无法读取或更改订单记录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The disk is full, so the order history {path} could not be changed.</source>
        <translation>磁盘已满，无法修改订单记录 {path}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no order with local id {local_id}.</source>
        <translation>不存在本地 ID 为 {local_id} 的订单。</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>The order history was written by a newer version of OhMyGPT Desktop (format {version}; this version understands up to {supported}). Update the app to see it.</source>
        <translation>订单记录由更新版本的 OhMyGPT Desktop 写入（格式 {version}；此版本最高只支持格式 {supported}）。请更新应用后再查看。</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>The order history {path} could not be opened ({reason}).</source>
        <translation>无法打开订单记录 {path}（{reason}）。</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The order history {path} is damaged, and it is read-only, so it could not be moved aside. Move it away, then start the app again.</source>
        <translation>订单记录 {path} 已损坏且为只读，因此无法移到一旁。请将其移走，然后重新启动应用。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The order history {path} is damaged and could not be moved aside ({reason}). Move it away, then start the app again.</source>
        <translation>订单记录 {path} 已损坏，且无法移到一旁（{reason}）。请将其移走，然后重新启动应用。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The order history was damaged, so the app started a new, empty one. The damaged file was kept as {copy}.</source>
        <translation>订单记录已损坏，因此应用新建了一个空的订单记录。损坏的文件已保留为 {copy}。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The order history {path} is read-only, so new orders cannot be created. Past orders are shown. Make the file and its folder writable, then restart the app.</source>
        <translation>订单记录 {path} 为只读，因此无法创建新订单。以往的订单仍会显示。请让该文件及其所在文件夹可写，然后重新启动应用。</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>The order history {path} could not be read ({reason}).</source>
        <translation>无法读取订单记录 {path}（{reason}）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The order history {path} could not be changed ({reason}).</source>
        <translation>无法修改订单记录 {path}（{reason}）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The order history is closed.</source>
        <translation>订单记录已关闭。</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Order {local_id} is already {status}; it cannot be completed.</source>
        <translation>订单 {local_id} 的状态已是 {status}，无法再完成。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Order {local_id} is {status}; only an order still being created can be discarded.</source>
        <translation>订单 {local_id} 的状态为 {status}；只有仍在创建中的订单才能丢弃。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Order {local_id} is already paid.</source>
        <translation>订单 {local_id} 已支付。</translation>
    </message>
    <message>
        <location line="+256"/>
        <source>Could not write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>ProfileSwitch</name>
    <message>
        <location filename="../../ohmygpt_desktop/app.py" line="+825"/>
        <source>The demo is already running for this home (process {pid}) but does not answer. Close it, or end that process, then try again.</source>
        <translation>演示已在此主目录下运行（进程 {pid}），但没有响应。请关闭它，或结束该进程，然后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The app is already running with your own accounts (process {pid}) but does not answer. Close it, or end that process, then try again.</source>
        <translation>应用已在以你自己的账户运行（进程 {pid}），但没有响应。请关闭它，或结束该进程，然后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The app cannot use the folder {path} ({reason}).</source>
        <translation>应用无法使用文件夹 {path}（{reason}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The demo service could not start ({reason}).</source>
        <translation>演示服务无法启动（{reason}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The app is already switching. Wait a moment.</source>
        <translation>应用正在切换中，请稍候。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The app could not switch ({error}). Details are in the log file.</source>
        <translation>应用无法切换（{error}）。详细信息见日志文件。</translation>
    </message>
</context>
<context>
    <name>Provisioning</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/provisioning.py" line="+56"/>
        <source>The provisioning file {path} cannot be used: {problem}</source>
        <translation>无法使用预配置文件 {path}：{problem}</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>client_secret needs a client_id as well.</source>
        <translation>提供 client_secret 时也必须提供 client_id。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>it does not exist.</source>
        <translation>该文件不存在。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it could not be read ({reason}).</source>
        <translation>无法读取该文件（{reason}）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{key}: {problem}</source>
        <translation>{key}：{problem}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>give client_secret or token_exchange_url, not both.</source>
        <translation>请提供 client_secret 或 token_exchange_url，不要同时提供两者。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>it is not a UTF-8 text file.</source>
        <translation>该文件不是 UTF-8 文本文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it is not valid JSON (line {line}, column {column}).</source>
        <translation>该文件不是有效的 JSON（第 {line} 行，第 {column} 列）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it is not valid JSON.</source>
        <translation>该文件不是有效的 JSON。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it does not hold a JSON object of settings.</source>
        <translation>该文件不包含由设置组成的 JSON 对象。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{key} is not a setting a provisioning file can hold.</source>
        <translation>{key} 不是预配置文件可以包含的设置。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>locked must be a list of setting names.</source>
        <translation>locked 必须是设置名称的列表。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>locked names {key}, which is not a setting.</source>
        <translation>locked 中的 {key} 不是一个设置。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>client_secret must be text without spaces or line breaks.</source>
        <translation>client_secret 必须是不含空格或换行的文本。</translation>
    </message>
</context>
<context>
    <name>Recharge</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/recharge.py" line="+234"/>
        <source>The connection was lost while the order was being created, so the app cannot tell whether it exists. It is listed as “unknown” in your order history: check your OhMyGPT orders before paying again.</source>
        <translation>创建订单时连接中断，应用无法确定订单是否已创建。它在订单记录中标记为“未知”：再次付款前，请先查看你的 OhMyGPT 订单。</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the amount as a number, for example 10 or 12.50.</source>
        <translation>请以数字输入金额，例如 10 或 12.50。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the amount without thousands separators, for example 1000.</source>
        <translation>输入金额时请勿使用千位分隔符，例如 1000。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use at most two decimal places (cents).</source>
        <translation>最多保留两位小数（美分）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The smallest amount is ${minimum}.</source>
        <translation>最低金额为 ${minimum}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The largest amount is ${maximum}.</source>
        <translation>最高金额为 ${maximum}。</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>The reference is too long: at most {maximum} characters (it has {count}).</source>
        <translation>备注编号太长：最多 {maximum} 个字符（当前为 {count} 个）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reference cannot contain line breaks, tabs or other control characters.</source>
        <translation>备注编号不能包含换行符、制表符或其他控制字符。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This account is no longer signed in to the app. Sign in to it again to recharge.</source>
        <translation>此账户已不在本应用中登录。请重新登录此账户后再充值。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Something went wrong inside the app while the order was being created, so it cannot tell whether the order exists. It is listed as “unknown” in your order history: check your OhMyGPT orders before paying again.</source>
        <translation>创建订单时应用内部出错，因此无法确定订单是否已创建。它在订单记录中标记为“未知”：再次付款前，请先查看你的 OhMyGPT 订单。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The app could not use OhMyGPT&apos;s reply, so no payment page was opened. {reason} The reply named order {order_no}, which OhMyGPT may have created: it is listed as “unknown” in your order history. Check your OhMyGPT orders before paying again.</source>
        <translation>无法使用 OhMyGPT 的回复，因此没有打开支付页面。{reason}回复中提到了订单 {order_no}，OhMyGPT 可能已创建该订单：它在订单记录中标记为“未知”。再次付款前，请先查看你的 OhMyGPT 订单。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The app could not use OhMyGPT&apos;s reply, so no payment page was opened. {reason} OhMyGPT may have created the order anyway: it is listed as “unknown” in your order history. Check your OhMyGPT orders before paying again.</source>
        <translation>无法使用 OhMyGPT 的回复，因此没有打开支付页面。{reason}OhMyGPT 仍可能已创建订单：它在订单记录中标记为“未知”。再次付款前，请先查看你的 OhMyGPT 订单。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The app could not use OhMyGPT&apos;s reply, so no payment page was opened. {reason} The reply named order {order_no}. The app cannot tell whether OhMyGPT created the order, and it could not record it in the order history: {storage} Note the order number. Check your OhMyGPT orders before paying again.</source>
        <translation>无法使用 OhMyGPT 的回复，因此没有打开支付页面。{reason}回复中提到了订单 {order_no}。应用无法确定 OhMyGPT 是否已创建该订单，也无法将其写入订单记录：{storage}请记下订单号。再次付款前，请先查看你的 OhMyGPT 订单。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{reason} The app cannot tell whether OhMyGPT created the order, and it could not record it in the order history: {storage} Check your OhMyGPT orders before paying again.</source>
        <translation>{reason}应用无法确定 OhMyGPT 是否已创建该订单，也无法将其写入订单记录：{storage}再次付款前，请先查看你的 OhMyGPT 订单。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Something went wrong inside the app while the order was being created, so it cannot tell whether OhMyGPT created the order, and it could not record it in the order history: {storage} Check your OhMyGPT orders before paying again.</source>
        <translation>创建订单时应用内部出错，因此无法确定 OhMyGPT 是否已创建该订单，也无法将其写入订单记录：{storage}再次付款前，请先查看你的 OhMyGPT 订单。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The order was created, but the app could not write it to the order history: {reason} Note the order number {order_no}: the app cannot mark it paid, so check your balance after paying.</source>
        <translation>订单已创建，但应用无法将其写入订单记录：{reason}请记下订单号 {order_no}：应用无法将其标记为已支付，付款后请查看你的余额。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not write the order history: the order was not sent.</source>
        <translation>无法写入订单记录：订单未发送。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your disk is full: the order was not sent.</source>
        <translation>磁盘已满：订单未发送。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/permissions.py" line="+45"/>
        <source>This app cannot create recharge orders: its OhMyGPT app has the permission level “{level}”, and recharge orders need “{needed}”. Recharge on the OhMyGPT website instead.</source>
        <translation>此应用无法创建充值订单：它的 OhMyGPT 应用的权限级别为“{level}”，而充值订单需要“{needed}”。请改在 OhMyGPT 网站上充值。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This app cannot create recharge orders: OhMyGPT refused one before because its OhMyGPT app does not have the “{needed}” permission level. Recharge on the OhMyGPT website instead.</source>
        <translation>此应用无法创建充值订单：OhMyGPT 之前拒绝过一次，因为它的 OhMyGPT 应用没有“{needed}”权限级别。请改在 OhMyGPT 网站上充值。</translation>
    </message>
</context>
<context>
    <name>RechargeDialog</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/recharge_dialog.py" line="+522"/>
        <source>Recharge {email} ({host})</source>
        <translation>为 {email}（{host}）充值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recharge {email}</source>
        <translation>为 {email} 充值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The money is added to the OhMyGPT account {email} on {host}. You pay on a Stripe page in your browser.</source>
        <translation>款项将充入 {host} 上的 OhMyGPT 账户 {email}。你将在浏览器中的 Stripe 页面上完成支付。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other &amp;amount:</source>
        <translation>其他金额(&amp;A)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{minimum} to {maximum}</source>
        <translation>{minimum} 至 {maximum}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>US dollars, for example 10 or 12{point}50</source>
        <translation>美元金额，例如 10 或 12{point}50</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How to pay</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card payment page (Stripe Checkout)</source>
        <translation>银行卡支付页面（Stripe Checkout）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice (Stripe Invoice: card or bank transfer)</source>
        <translation>发票（Stripe Invoice：银行卡或银行转账）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billing &amp;email (optional):</source>
        <translation>账单邮箱（可选）(&amp;E)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave empty to use {email}</source>
        <translation>留空则使用 {email}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reference (optional):</source>
        <translation>备注编号（可选）(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A ticket number or a short note</source>
        <translation>工单号或简短备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept with the order: shown in the order history, searchable and exported.</source>
        <translation>随订单保存：显示在订单记录中，可搜索，也会被导出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Created by {operator}</source>
        <translation>创建人：{operator}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try anyway</source>
        <translation>仍然尝试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OhMyGPT may have given this app the permission since.</source>
        <translation>OhMyGPT 之后可能已为此应用授予了该权限。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I checked my OhMyGPT orders: create a new order anyway</source>
        <translation>我已查看 OhMyGPT 订单：仍要创建新订单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Creates the order and opens the payment page in your browser</source>
        <translation>创建订单并在浏览器中打开支付页面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order number:</source>
        <translation>订单号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details:</source>
        <translation>详情：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open again</source>
        <translation>再次打开</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Enter an email address like name@example.com, or leave the field empty.</source>
        <translation>请输入类似 name@example.com 的邮箱地址，或将此栏留空。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>= {credits} credits</source>
        <translation>= {credits} 积分</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Adds {amount} to {email} ({host})</source>
        <translation>充值 {amount} 到 {email}（{host}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tops up {email} ({host})</source>
        <translation>充值到 {email}（{host}）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Creating the order… You can stop waiting: the order is still recorded under Orders.</source>
        <translation>正在创建订单… 你可以停止等待：订单仍会记录在“订单”中。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The order was not created: OhMyGPT asks for a pause between requests. You can try again in {seconds} seconds.</source>
        <translation>订单未创建：OhMyGPT 要求两次请求之间稍作等待。你可以在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The order was not created: OhMyGPT asks for a pause between requests. You can try again in 1 second.</source>
        <translation>订单未创建：OhMyGPT 要求两次请求之间稍作等待。你可以在 1 秒后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The order was not created: OhMyGPT asked for a pause between requests. You can try again now.</source>
        <translation>订单未创建：OhMyGPT 要求两次请求之间稍作等待。现在可以重试了。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Open your OhMyGPT orders</source>
        <translation>打开你的 OhMyGPT 订单</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This account already has an open order from the last 30 minutes. Make sure it was not paid before you create another one:</source>
        <translation>该账户在最近 30 分钟内已有一个未完成的订单。再创建一个之前，请先确认它尚未支付：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Created {minutes} min ago by {operator}: {amount}, not yet paid</source>
        <translation>{minutes} 分钟前由 {operator} 创建：{amount}，尚未支付</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created {minutes} min ago: {amount}, not yet paid</source>
        <translation>{minutes} 分钟前创建：{amount}，尚未支付</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click “Yes, create another order” to create it anyway.</source>
        <translation>如仍要创建，请点击“是，再创建一个订单”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes, create another order</source>
        <translation>是，再创建一个订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create another order</source>
        <translation>再创建一个订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create order</source>
        <translation>创建订单</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Stop waiting</source>
        <translation>停止等待</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The order was not created. {reason}</source>
        <translation>订单未创建。{reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sign-in for {email} is no longer valid. Sign in again before recharging.</source>
        <translation>{email} 的登录已失效。请先重新登录，再进行充值。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>So that you do not pay twice, the app creates another order only after you confirm that you checked.</source>
        <translation>为避免重复付款，只有在你确认已查看订单后，应用才会创建新订单。</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Stopped waiting. The request had already been sent: if OhMyGPT creates the order, it appears under Orders as “Awaiting payment” and you can open it from there.</source>
        <translation>已停止等待。请求已经发出：如果 OhMyGPT 创建了订单，它会以“待支付”状态出现在“订单”中，你可以从那里打开它。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>This order: {amount}, sent {when}, order number {order_no}.</source>
        <translation>此订单：{amount}，发送于 {when}，订单号 {order_no}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This order: {amount}, sent {when}; OhMyGPT named no order number.</source>
        <translation>此订单：{amount}，发送于 {when}；OhMyGPT 没有给出订单号。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Finish the payment in your browser</source>
        <translation>请在浏览器中完成支付</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The invoice page opened in your browser. Pay there.</source>
        <translation>发票页面已在浏览器中打开，请在该页面完成支付。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The payment page opened in your browser. Pay there.</source>
        <translation>支付页面已在浏览器中打开，请在该页面完成支付。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The app could not open your browser. Copy the link into a browser, or scan the QR code with your phone.</source>
        <translation>无法打开浏览器。请将链接复制到浏览器中，或用手机扫描二维码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{amount} for {email} ({host})</source>
        <translation>为 {email}（{host}）充值 {amount}</translation>
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
        <translation>链接通常在 {when} 之前有效。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stripe Checkout links expire 24 hours after they are made unless their maker sets another time; OhMyGPT does not say which it does.</source>
        <translation>除非创建者另行设置，Stripe Checkout 链接会在创建 24 小时后失效；OhMyGPT 并未说明它采用哪种方式。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The payment link as a QR code</source>
        <translation>支付链接的二维码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is a demo link to the sandbox on this computer: pay in the browser here (a phone cannot open it).</source>
        <translation>这是指向本机沙盒的演示链接：请在这台电脑的浏览器中付款（手机无法打开它）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Or scan this code to pay on your phone.</source>
        <translation>也可以用手机扫描此二维码完成支付。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You can close this window: the app checks the balance and marks the order paid as soon as the money arrives. Unpaid orders stay “Awaiting payment” under Orders until the link expires.</source>
        <translation>你可以关闭此窗口：应用会检查余额，款项一到账就将订单标记为已支付。未支付的订单会以“待支付”状态保留在“订单”中，直到链接过期。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/settings.py" line="+82"/>
        <source>The setting is not valid.</source>
        <translation>该设置无效。</translation>
    </message>
    <message>
        <location line="+251"/>
        <source>{what} is not a valid URL.</source>
        <translation>{what}不是有效的 URL。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{what} must start with {schemes} (got {value}).</source>
        <translation>{what}必须以 {schemes} 开头（当前为 {value}）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{what} has no host name (got {value}).</source>
        <translation>{what}缺少主机名（当前为 {value}）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{what} must not contain spaces.</source>
        <translation>{what}不能包含空格。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} must use https:// (plain http:// is only allowed for this computer, e.g. http://127.0.0.1:{port}).</source>
        <translation>{what}必须使用 https://（普通 http:// 仅允许用于本机地址，例如 http://127.0.0.1:{port}）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{what} must not have a query (?…) or fragment (#…).</source>
        <translation>{what}不能包含查询参数（?…）或片段（#…）。</translation>
    </message>
    <message>
        <location line="+289"/>
        <source>The redirect URI</source>
        <translation>重定向 URI</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>{what} must not be empty.</source>
        <translation>{what}不能为空。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} is too long (at most {count} characters).</source>
        <translation>{what}过长（最多 {count} 个字符）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{what} must not contain control characters.</source>
        <translation>{what}不能包含控制字符。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/api/endpoints.py" line="+72"/>
        <source>Unknown endpoint {key}; known endpoints are {known}.</source>
        <translation>未知的端点 {key}；可用的端点有 {known}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The path for endpoint {key} must be text.</source>
        <translation>端点 {key} 的路径必须是文本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The path for endpoint {key} must start with a single &apos;/&apos;.</source>
        <translation>端点 {key} 的路径必须以单个 &apos;/&apos; 开头。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The path for endpoint {key} must be a path, not a URL.</source>
        <translation>端点 {key} 必须填写路径，而不是 URL。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/settings.py" line="-210"/>
        <location line="+189"/>
        <source>{what} must be one of {options} (got {value}).</source>
        <translation>{what}必须是 {options} 之一（当前为 {value}）。</translation>
    </message>
    <message>
        <location line="+343"/>
        <source>The proxy URL</source>
        <translation>代理地址</translation>
    </message>
    <message>
        <location line="-641"/>
        <source>{what} must be between {low} and {high} seconds (got {value}).</source>
        <translation>{what}必须在 {low} 到 {high} 秒之间（当前为 {value}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} must be between {low} and {high} minutes (got {value}).</source>
        <translation>{what}必须在 {low} 到 {high} 分钟之间（当前为 {value}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} must be between {low} and {high} days (got {value}).</source>
        <translation>{what}必须在 {low} 到 {high} 天之间（当前为 {value}）。</translation>
    </message>
    <message>
        <location line="+255"/>
        <source>{what} must be an Ed25519 public key: 32 bytes written in base64.</source>
        <translation>{what}必须是 Ed25519 公钥：以 base64 编写的 32 个字节。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{what} must be an e-mail address or an https:// address (got {value}).</source>
        <translation>{what}必须是电子邮件地址或 https:// 地址（当前为 {value}）。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>{what} must not contain a password (got {value}). Remove it from the address and store it with “Set ledger password…” in Settings, or in a PGPASSFILE.</source>
        <translation>{what} 不得包含密码（当前为 {value}）。请从地址中删除密码，并在“设置”中通过“设置账本密码…”保存，或写入 PGPASSFILE。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{what} must not have a fragment (#…).</source>
        <translation>{what} 不得包含片段（#…）。</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+31"/>
        <location line="+507"/>
        <source>{what} must be a number.</source>
        <translation>{what}必须是数字。</translation>
    </message>
    <message>
        <location line="-535"/>
        <source>{what} must be at least {minimum} USD (got {value}).</source>
        <translation>{what}不能低于 {minimum} USD（当前为 {value}）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+30"/>
        <source>{what} is too large (got {value}).</source>
        <translation>{what}过大（当前为 {value}）。</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>{what} can have at most 2 decimal places (got {value}).</source>
        <translation>{what}最多只能有 2 位小数（当前为 {value}）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{what} must be more than 0 (got {value}).</source>
        <translation>{what}必须大于 0（当前为 {value}）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>At most {count} recharge presets are allowed.</source>
        <translation>最多只能设置 {count} 个快捷金额。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A recharge preset</source>
        <translation>快捷金额</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The recharge preset {amount} is listed twice.</source>
        <translation>快捷金额 {amount} 重复出现。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The API base URL</source>
        <translation>API 地址</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The sign-in base URL</source>
        <translation>登录页面地址</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The client id</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The OAuth scope</source>
        <translation>OAuth 权限范围</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The token-exchange service address</source>
        <translation>令牌交换服务地址</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The update feed address</source>
        <translation>更新源地址</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The update feed key</source>
        <translation>更新源公钥</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The permission level</source>
        <translation>权限级别</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The organisation name</source>
        <translation>组织名称</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The support contact</source>
        <translation>支持联系方式</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The API paths</source>
        <translation>API 路径</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The proxy mode</source>
        <translation>代理模式</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The tray setting</source>
        <translation>托盘设置</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The refresh interval</source>
        <translation>余额刷新间隔</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The payment watch time</source>
        <translation>等待付款时长</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The minimum recharge</source>
        <translation>最低充值金额</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The maximum recharge</source>
        <translation>最高充值金额</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The recharge presets</source>
        <translation>快捷金额</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The low-balance warning level</source>
        <translation>余额提醒阈值</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The runs-out warning</source>
        <translation>余额耗尽提醒</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The number of credits per US dollar</source>
        <translation>每美元对应的积分数</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The request time limit</source>
        <translation>请求时限</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The operator name</source>
        <translation>操作员名称</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The team ledger address</source>
        <translation>团队账本地址</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sharing payment links with the team</source>
        <translation>与团队共享付款链接</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The keyring timeout</source>
        <translation>密钥环超时时间</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{what} must be a number (got {value}).</source>
        <translation>{what}必须是数字（当前为 {value}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} must be a whole number.</source>
        <translation>{what}必须是整数。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{what} must be text.</source>
        <translation>{what}必须是文本。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{what} must be true or false (got {value}).</source>
        <translation>{what} 必须为 true 或 false（当前为 {value}）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{what} must be a whole number (got {value}).</source>
        <translation>{what}必须是整数（当前为 {value}）。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{what} must be JSON ({kind}).</source>
        <translation>{what}必须是 JSON（{kind}）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{what} must be a list.</source>
        <translation>{what}必须是列表。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} must be an object.</source>
        <translation>{what}必须是对象。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each value of {what}</source>
        <translation>{what} 中的每个值</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Environment variable {variable}: {problem}</source>
        <translation>环境变量 {variable}：{problem}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unknown setting {name} given on the command line.</source>
        <translation>命令行中指定了未知的设置 {name}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Command-line setting {name}: {problem}</source>
        <translation>命令行设置 {name}：{problem}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The settings file {path} could not be read ({reason}). Default settings are used for now.</source>
        <translation>无法读取设置文件 {path}（{reason}）。暂时使用默认设置。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{name}: the value cannot be used.</source>
        <translation>{name}：该值无法使用。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The settings file {path} is not a text file, so default settings are used.</source>
        <translation>设置文件 {path} 不是文本文件，因此使用默认设置。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The settings file {path} is not valid JSON (line {line}, column {column}), so default settings are used.</source>
        <translation>设置文件 {path} 不是有效的 JSON（第 {line} 行，第 {column} 列），因此使用默认设置。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The settings file {path} does not contain a JSON object, so default settings are used.</source>
        <translation>设置文件 {path} 中没有 JSON 对象，因此使用默认设置。</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>{name}: {problem}</source>
        <translation>{name}：{problem}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Some settings in {path} were not valid, so their defaults are used.</source>
        <translation>{path} 中的部分设置无效，已改用这些设置的默认值。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A copy of the file was saved as {backup}.</source>
        <translation>该文件的副本已保存为 {backup}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A copy of the file could not be saved.</source>
        <translation>无法保存该文件的副本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rejected value was:</source>
        <translation>被拒绝的值：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rejected values were:</source>
        <translation>被拒绝的值：</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The settings file {path} could not be read as settings, so default settings are used.</source>
        <translation>无法将设置文件 {path} 读取为设置，因此使用默认设置。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The settings file {path} is a folder, so default settings are used.</source>
        <translation>设置文件 {path} 是一个文件夹，因此使用默认设置。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>It could not be moved aside.</source>
        <translation>无法将其移到一旁。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It was moved to {backup}.</source>
        <translation>它已被移至 {backup}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A copy of it was saved as {backup}.</source>
        <translation>其副本已保存为 {backup}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A copy of it could not be saved.</source>
        <translation>无法保存其副本。</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Could not save settings to {path}: {reason}.</source>
        <translation>无法将设置保存到 {path}：{reason}。</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Unknown setting {name}.</source>
        <translation>未知的设置 {name}。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location line="-1070"/>
        <source>US main site, direct</source>
        <translation>美国主站直连</translation>
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
        <translation>优化 CDN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Premium reverse proxy 1</source>
        <translation>优质线路反代 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Premium reverse proxy 2</source>
        <translation>优质线路反代 2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Main</source>
        <translation>主站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alternative for some regions</source>
        <translation>部分地区备用</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/setting_fields.py" line="+200"/>
        <source>Takes effect the next time you start the app.</source>
        <translation>将在下次启动应用时生效。</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>{label}: custom address</source>
        <translation>{label}：自定义地址</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter an amount in USD, for example 10 or 12.50.</source>
        <translation>请输入美元金额，例如 10 或 12.50。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Enter a number, for example {example}.</source>
        <translation>请输入数字，例如 {example}。</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>“{item}” is not an amount. Separate amounts with commas.</source>
        <translation>“{item}”不是有效的金额。请用逗号分隔各个金额。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/settings_dialog.py" line="+88"/>
        <source>Demo sandbox on this computer</source>
        <translation>本机上的演示沙盒</translation>
    </message>
    <message>
        <location line="+284"/>
        <source>Enter the address of the proxy.</source>
        <translation>请输入代理地址。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The maximum must not be less than the minimum ({low} USD).</source>
        <translation>最高金额不能低于最低金额（{low} USD）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every amount must be between the minimum and the maximum ({low}–{high} USD); {amount} is not.</source>
        <translation>每个金额都必须介于最低和最高金额之间（{low}–{high} USD）；{amount} 不在此范围内。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saving the client secret to the system keyring…</source>
        <translation>正在将客户端密钥保存到系统密钥环…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Correct the marked values first ({tabs}).</source>
        <translation>请先更正标出的值（{tabs}）。</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>The client secret could not be saved: {reason}</source>
        <translation>无法保存客户端密钥：{reason}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{what}: the new value takes effect the next time you start the app.</source>
        <translation>{what}：新值将在下次启动应用时生效。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>testing…</source>
        <translation>测试中…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unreachable</source>
        <translation>无法访问</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Measuring each line&apos;s response time…</source>
        <translation>正在测量各线路的响应时间…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No line answered. Check your connection or the proxy settings.</source>
        <translation>没有线路响应。请检查网络连接或代理设置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fastest: {line}.</source>
        <translation>最快：{line}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Double-click a line to use it.</source>
        <translation>双击线路即可使用。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Use the fastest</source>
        <translation>使用最快线路</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set ledger password…</source>
        <translation>设置账本密码…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Set by your organisation; it cannot be changed here.</source>
        <translation>由你的组织设定，无法在此更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set by {organization}.</source>
        <translation>由 {organization} 设定。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/setting_fields.py" line="-54"/>
        <source>{label} — {host}</source>
        <translation>{label} — {host}</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/settings_dialog.py" line="-33"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/settings.py" line="-534"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth app</source>
        <translation>OAuth 应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance &amp;&amp; recharge</source>
        <translation>余额与充值</translation>
    </message>
    <message>
        <location line="+501"/>
        <source>API line:</source>
        <translation>API 线路：</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/setting_fields.py" line="+9"/>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/settings_dialog.py" line="+8"/>
        <source>Test</source>
        <translation>测速</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure how fast each line answers from here.</source>
        <translation>测量从本机访问各线路的响应速度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line</source>
        <translation>线路</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Response time</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/settings.py" line="+24"/>
        <source>Sign-in page:</source>
        <translation>登录页面：</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/settings_dialog.py" line="+8"/>
        <source>The OhMyGPT OAuth app this program signs in with. You get the client id and secret when you register an app with OhMyGPT.</source>
        <translation>本程序用于登录的 OhMyGPT OAuth 应用。在 OhMyGPT 注册应用后即可获得客户端 ID 和密钥。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/settings.py" line="+19"/>
        <source>Client id:</source>
        <translation>客户端 ID：</translation>
    </message>
    <message>
        <location line="+309"/>
        <source>Give up a request after:</source>
        <translation>请求超时时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>However slowly the reply arrives. An order whose reply does not arrive in time is kept as “unknown”, never as “not created”.</source>
        <translation>无论回复到达得多慢，到时都会放弃。回复未能及时到达的订单会保留为“未知”，绝不会显示为“未创建”。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Operator name:</source>
        <translation>操作员名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded with each order you create. Leave empty to use your user name on this computer.</source>
        <translation>会随您创建的每个订单一起记录。留空则使用您在这台电脑上的用户名。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Team ledger:</source>
        <translation>团队账本：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only for a team sharing one PostgreSQL database: postgresql://user@host/db. Leave empty to keep the order history on this computer only.</source>
        <translation>仅适用于共用一个 PostgreSQL 数据库的团队：postgresql://user@host/db。留空则订单记录只保存在本机。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Client secret:</source>
        <translation>客户端密钥：</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/settings_dialog.py" line="+6"/>
        <source>Remove the stored client secret</source>
        <translation>删除已保存的客户端密钥</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/settings.py" line="-370"/>
        <source>Redirect URI:</source>
        <translation>重定向 URI：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scope:</source>
        <translation>权限范围：</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Proxy:</source>
        <translation>代理：</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Use the system proxy settings</source>
        <translation>使用系统代理设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom proxy</source>
        <translation>自定义代理</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Proxy address:</source>
        <translation>代理地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An http://, https:// or socks5:// address, e.g. socks5://127.0.0.1:1080.</source>
        <translation>http://、https:// 或 socks5:// 地址，例如 socks5://127.0.0.1:1080。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Refresh the balance every:</source>
        <translation>余额刷新间隔：</translation>
    </message>
    <message>
        <location line="-719"/>
        <source> seconds</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+731"/>
        <source>Watch for a payment for:</source>
        <translation>等待付款时长：</translation>
    </message>
    <message>
        <location line="-730"/>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+559"/>
        <source>Token-exchange service:</source>
        <translation>令牌交换服务：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only if your organisation runs one: the app then sends the sign-in code there and needs no client secret.</source>
        <translation>仅当你的组织运行此服务时填写：应用会将登录代码发送到该服务，不再需要客户端密钥。</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>While a payment is being watched</source>
        <translation>正在等待付款时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always</source>
        <translation>始终</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep running in the tray:</source>
        <translation>在托盘中继续运行：</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Smallest recharge:</source>
        <translation>最低充值金额：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Largest recharge:</source>
        <translation>最高充值金额：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Quick amounts:</source>
        <translation>快捷金额：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USD amounts separated by commas, e.g. 5, 10, 20.</source>
        <translation>以逗号分隔的美元金额，例如 5, 10, 20。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Low-balance warning below:</source>
        <translation>余额低于此值时提醒：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Warn when forecast to run out within:</source>
        <translation>预计在以下时间内耗尽时提醒：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Credits per US dollar:</source>
        <translation>每美元积分数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The OhMyGPT documentation does not state this rate; 34000 is what other programs use. The app shows balances in dollars and checks that a payment arrived with it: change it only if OhMyGPT tells you otherwise.</source>
        <translation>OhMyGPT 文档没有说明这个比率；34000 是其他程序使用的值。应用用它把余额换算成美元，并确认付款是否到账：只有在 OhMyGPT 告知不同比率时才需要修改。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/settings_dialog.py" line="+18"/>
        <source>Set by demo mode (--sandbox); it cannot be changed here.</source>
        <translation>由演示模式（--sandbox）设定，无法在此更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set on the command line; it cannot be changed here.</source>
        <translation>已通过命令行设定，无法在此更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set by the environment variable {name}; it cannot be changed here.</source>
        <translation>由环境变量 {name} 设定，无法在此更改。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Demo mode uses the sandbox&apos;s own app and its secret.</source>
        <translation>演示模式使用沙盒自带的应用及其密钥。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Provided</source>
        <translation>已提供</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not needed</source>
        <translation>不需要</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not needed: sign-in goes through the token-exchange service.</source>
        <translation>不需要：登录通过令牌交换服务完成。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stored — type a new one to replace it</source>
        <translation>已保存 — 输入新密钥即可替换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(stored in the system keyring, never in the settings file)</source>
        <translation>（保存在系统密钥环中，不会写入设置文件）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not check the keyring: {reason}</source>
        <translation>无法检查密钥环：{reason}</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/settings.py" line="-277"/>
        <source>Leave empty to use the provider&apos;s code page ({url}): you paste the code shown there into the app. A loopback address such as http://127.0.0.1:8765/callback lets the app finish sign-in by itself.</source>
        <translation>留空则使用服务方的代码页面（{url}）：你需要将页面上显示的代码粘贴到应用中。若填写 http://127.0.0.1:8765/callback 这样的本机回环地址，应用可以自动完成登录。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/shortcuts_dialog.py" line="+48"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> or </source>
        <translation> 或 </translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/accounts.py" line="+56"/>
        <source>{step} failed: {reason}</source>
        <translation>{step}失败：{reason}</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Opening the browser</source>
        <translation>打开浏览器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exchanging the code for a token</source>
        <translation>用代码换取令牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading your account details</source>
        <translation>读取账户信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving the sign-in securely</source>
        <translation>安全保存登录信息</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The client secret of the OhMyGPT app is not set. Enter it in Settings, then try again.</source>
        <translation>尚未设置 OhMyGPT 应用的客户端密钥。请在设置中填写后重试。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/core/oauth.py" line="+31"/>
        <source>Paste the code shown in your browser after you approved the app.</source>
        <translation>请粘贴批准应用后浏览器中显示的代码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start by clicking “Sign in with OhMyGPT”, then paste the code shown in your browser.</source>
        <translation>请先点击“使用 OhMyGPT 登录”，然后粘贴浏览器中显示的代码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This sign-in attempt is more than 10 minutes old and has expired. Click “Sign in with OhMyGPT” to start again.</source>
        <translation>此次登录已超过 10 分钟，已经失效。请点击“使用 OhMyGPT 登录”重新开始。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This code belongs to a different sign-in attempt (for example an older browser tab). For your safety it was not used. Start again and paste the newest code.</source>
        <translation>此代码属于另一次登录（例如较早打开的浏览器标签页）。为了你的安全，该代码未被使用。请重新开始并粘贴最新的代码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The authorization was denied in the browser. Start again if you want to sign in.</source>
        <translation>授权已在浏览器中被拒绝。如需登录，请重新开始。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That does not look like an authorization code. Copy the code (or the whole address) from the page your browser shows after you click Authorize.</source>
        <translation>这看起来不像授权码。请在浏览器中点击授权（Authorize）后，从显示的页面上复制代码（或完整地址）。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ohmygpt_desktop/app.py" line="-360"/>
        <source>cannot use the folder {path} ({reason}).</source>
        <translation>无法使用文件夹 {path}（{reason}）。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>it is already running for this home (process {pid}), and the smoke test needs the home to itself. Close it or use another --home.</source>
        <translation>应用已在使用此数据文件夹运行（进程 {pid}），而冒烟测试需要独占该文件夹。请关闭它，或使用其他 --home。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>it is already running for this home (process {pid}) but does not answer. Close it, or end that process, then start the app again.</source>
        <translation>应用已在使用此数据文件夹运行（进程 {pid}），但没有响应。请关闭它或结束该进程，然后重新启动应用。</translation>
    </message>
    <message>
        <location line="+488"/>
        <source>an unexpected problem ({error}). Details are in the log file.</source>
        <translation>出现意外问题（{error}）。详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../ohmygpt_desktop/ui/startup_failure.py" line="+25"/>
        <source>{app} could not start: {reason}</source>
        <translation>{app} 无法启动：{reason}</translation>
    </message>
</context>
<context>
    <name>StorageChoiceDialog</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/storage_choice.py" line="+100"/>
        <source>Where should the sign-in be kept?</source>
        <translation>登录信息保存在哪里？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No secure keyring found</source>
        <translation>未找到安全的密钥环</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This computer has no secure system keyring (such as GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager) that the app can use to keep your sign-in safe.</source>
        <translation>此计算机上没有可供应用安全保存登录信息的系统密钥环（例如 GNOME 密钥环、KWallet、macOS 钥匙串或 Windows 凭据管理器）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep me signed in for this session only</source>
        <translation>仅在本次会话中保持登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recommended. You will need to sign in again after you quit the app.</source>
        <translation>推荐。退出应用后需要重新登录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Store the sign-in in a file on this computer (not encrypted)</source>
        <translation>将登录信息保存到本机的文件中（未加密）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warning: the token is written unencrypted to a file readable only by your user account. Anyone who can read your files (or your backups) can use your OhMyGPT balance with it.</source>
        <translation>警告：令牌将以未加密形式写入一个仅你的用户账户可读的文件。任何能读取你的文件（或备份）的人都可以用它消耗你的 OhMyGPT 余额。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel sign-in</source>
        <translation>取消登录</translation>
    </message>
</context>
<context>
    <name>Support</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/errors.py" line="+16"/>
        <source>Need help? Contact {organization}: {support}</source>
        <translation>需要帮助？请联系 {organization}：{support}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Need help? Contact {support}</source>
        <translation>需要帮助？请联系 {support}</translation>
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
        <translation>正在创建…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting payment</source>
        <translation>等待付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not created</source>
        <translation>未创建</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>备注编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{email} on {host}</source>
        <translation>{host} 上的 {email}</translation>
    </message>
</context>
<context>
    <name>TeamHistoryView</name>
    <message>
        <location line="+138"/>
        <source>Search by operator, reference, e-mail or order number (Ctrl+F)</source>
        <translation>按操作员、备注编号、电子邮件或订单号搜索 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search team orders</source>
        <translation>搜索团队订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open orders only</source>
        <translation>仅未支付订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only orders that are not yet paid</source>
        <translation>只显示尚未支付的订单</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No orders in the team ledger yet.</source>
        <translation>团队账本中还没有订单。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No team orders match the search.</source>
        <translation>没有符合搜索条件的团队订单。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing {shown} of {total}</source>
        <translation>显示 {shown} / {total}</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Team orders</source>
        <translation>团队订单</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/tokens.py" line="+72"/>
        <source>The saved sign-in could not be read or written.</source>
        <translation>无法读取或写入已保存的登录信息。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No secure system keyring is available on this computer.</source>
        <translation>此计算机上没有可用的安全系统密钥环。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keyring did not answer in time.</source>
        <translation>系统密钥环未及时响应。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keyring reported an error.</source>
        <translation>系统密钥环报告了错误。</translation>
    </message>
    <message>
        <location line="+304"/>
        <source>The system keyring is not answering (earlier requests are still waiting).</source>
        <translation>系统密钥环没有响应（之前的请求仍在等待中）。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Could not start a keyring request.</source>
        <translation>无法向密钥环发起请求。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keyring did not answer in time (waited {seconds} seconds).</source>
        <translation>系统密钥环未及时响应（已等待 {seconds} 秒）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not read the token file {path}: {reason}.</source>
        <translation>无法读取令牌文件 {path}：{reason}。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The token file {path} is damaged.</source>
        <translation>令牌文件 {path} 已损坏。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Could not write the token file {path}: {reason}.</source>
        <translation>无法写入令牌文件 {path}：{reason}。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The system keyring is locked. Unlock it and try again.</source>
        <translation>系统密钥环已锁定。请解锁后重试。</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/tray.py" line="+125"/>
        <source>{app} keeps watching for your payment here. To quit, use Quit in this icon&apos;s menu.</source>
        <translation>{app} 会在这里继续等待您的付款。如需退出，请使用此图标菜单中的“退出”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{app} keeps running here. To quit, use Quit in this icon&apos;s menu.</source>
        <translation>{app} 会在这里继续运行。如需退出，请使用此图标菜单中的“退出”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still running in the tray</source>
        <translation>仍在托盘中运行</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Open {app}</source>
        <translation>打开 {app}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recharge…</source>
        <translation>充值…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
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
        <translation>余额不足</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The balance of {email} fell below {threshold}: {balance}. Recharge to keep your API calls running.</source>
        <translation>{email} 的余额已低于 {threshold}：{balance}。请及时充值，以免 API 调用中断。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Balance running out</source>
        <translation>余额即将耗尽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{email}: {forecast}. Recharge to keep your API calls running.</source>
        <translation>{email}：{forecast}。请充值以保证 API 调用不中断。</translation>
    </message>
</context>
<context>
    <name>UpdateNoticeBar</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/update_notice.py" line="+48"/>
        <source>Release notes</source>
        <translation>发行说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download page</source>
        <translation>下载页面</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This version has known problems that version {minimum} and later fix. Please install version {version}.</source>
        <translation>此版本存在已知问题，版本 {minimum} 及更高版本已修复。请安装版本 {version}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version {version} is available.</source>
        <translation>版本 {version} 已发布。</translation>
    </message>
</context>
<context>
    <name>Usage</name>
    <message>
        <location filename="../../ohmygpt_desktop/core/usage.py" line="+324"/>
        <source>The balance history could not be read or changed.</source>
        <translation>无法读取或更改余额历史。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The balance history was written by a newer version of OhMyGPT Desktop (format {version}; this version understands up to {supported}).</source>
        <translation>余额历史由更新版本的 OhMyGPT Desktop 写入（格式 {version}；此版本最多支持 {supported}）。</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>The balance history {path} could not be opened ({reason}), so balances read now are kept only until the app closes.</source>
        <translation>无法打开余额历史 {path}（{reason}），因此现在读取的余额只保留到应用关闭。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The balance history was damaged, so the app started a new, empty one. The damaged file was kept as {copy}.</source>
        <translation>余额历史已损坏，应用已新建一个空的历史。损坏的文件保存为 {copy}。</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>The balance history could not be changed ({reason}).</source>
        <translation>无法更改余额历史（{reason}）。</translation>
    </message>
    <message>
        <location line="+297"/>
        <source>Could not write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/usage_chart.py" line="+49"/>
        <source>Not enough data yet for a forecast</source>
        <translation>数据尚不足以预测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The balance has run out</source>
        <translation>余额已用完</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lasts more than a year at this rate</source>
        <translation>按此速度可用一年以上</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs out within a day</source>
        <translation>一天内耗尽</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Runs out in {low} days or later</source>
        <translation>{low} 天或更久后耗尽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs out in {low}–{high} days</source>
        <translation>{low}–{high} 天后耗尽</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Runs out in ~{days} days</source>
        <translation>约 {days} 天后耗尽</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>run out</source>
        <translation>已耗尽</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&gt; 1 year</source>
        <translation>&gt; 1 年</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{low}–{high} d</source>
        <translation>{low}–{high} 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>~{days} d</source>
        <translation>约 {days} 天</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{credits} credits</source>
        <translation>{credits} 积分</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Balance trend</source>
        <translation>余额趋势</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Balance history chart</source>
        <translation>余额历史图表</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No balance readings in this period.</source>
        <translation>此期间没有余额记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} readings from {first} to {last}.</source>
        <translation>{count} 条记录，从 {first} 到 {last}。</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>No balance readings in this period yet.</source>
        <translation>此期间尚无余额记录。</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>{day}: spent {amount}</source>
        <translation>{day}：花费 {amount}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{time}: {balance}</source>
        <translation>{time}：{balance}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Top-up: +{amount}</source>
        <translation>充值：+{amount}</translation>
    </message>
</context>
<context>
    <name>UsageView</name>
    <message>
        <location filename="../../ohmygpt_desktop/ui/usage_view.py" line="+170"/>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the last {days} days</source>
        <translation>显示最近 {days} 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this account&apos;s balance readings as CSV</source>
        <translation>将此账户的余额记录保存为 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export JSON Lines…</source>
        <translation>导出 JSON Lines…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this account&apos;s balance readings as JSON Lines</source>
        <translation>将此账户的余额记录保存为 JSON Lines</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Spent per day (last 7 days, top-ups left out): {amount}</source>
        <translation>每日花费（最近 7 天，不含充值）：{amount}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export balance readings</source>
        <translation>导出余额记录</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Could not export the balance readings: {reason}</source>
        <translation>无法导出余额记录：{reason}</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Exported {count} balance readings to {path}.</source>
        <translation>已将 {count} 条余额记录导出到 {path}。</translation>
    </message>
</context>
</TS>
