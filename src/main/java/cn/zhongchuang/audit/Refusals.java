package cn.zhongchuang.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audits a refusal (security.md, audit; issue 13 finding 11): access denied by role, an
 * object outside the user's scope answered 404, a CSRF or origin refusal, a refused
 * upload. The refused action's own transaction rolls back, so the row is written in a
 * transaction of its own; result {@code DENIED}.
 */
@Service
public class Refusals {

	private final AuditTrail audit;

	private final TransactionTemplate separate;

	Refusals(AuditTrail audit, PlatformTransactionManager transactions) {
		this.audit = audit;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records a refusal. {@code entry}'s result is set to DENIED; actor and address come
	 * from the current request unless given.
	 */
	public void record(AuditEntry entry) {
		this.separate.executeWithoutResult((status) -> this.audit.record(entry.withResult(AuditEntry.Result.DENIED)));
	}

}
