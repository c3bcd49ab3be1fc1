package cn.zhongchuang.identity;

import cn.zhongchuang.platform.Role;

/**
 * A security administrator created, changed, disabled, enabled or reset the account of an
 * administrator, auditor or security administrator (三员分立); the auditors are told.
 *
 * @param accountId the account acted on
 * @param username its login name
 * @param role its role after the act
 * @param regionCode its region
 * @param what the act, in Chinese (创建账户, 重置密码 …)
 * @param by the login name of who did it
 */
public record PrivilegedAccountChanged(long accountId, String username, Role role, String regionCode, String what,
		String by) {
}
