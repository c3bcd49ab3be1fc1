package cn.zhongchuang.identity;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends every live session of an account (security.md, sessions): called when the account
 * is disabled, its role or region changes or its password is reset. Spring Session JDBC
 * indexes sessions by principal name, so the sessions are found on every node. Inside a
 * transaction the sessions end once it commits, so a change that rolls back ends nothing.
 */
@Component
class SessionTermination {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionTermination(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	void endAllOf(String username) {
		endAllOf(username, null);
	}

	/** Ends the account's sessions except {@code keep} (the one that made the change). */
	void endAllOf(String username, String keep) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					end(username, keep);
				}
			});
		}
		else {
			end(username, keep);
		}
	}

	private void end(String username, String keep) {
		this.sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter((id) -> !id.equals(keep))
			.forEach(this.sessions::deleteById);
	}

}
