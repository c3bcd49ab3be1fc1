package cn.zhongchuang.audit;

import cn.zhongchuang.platform.PersonalDataKeyRotation;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audits the SM4 key rotation: each batch in the batch's own transaction (so a batch
 * without its row cannot exist), and the end of each run.
 */
@Component
class KeyRotationAudit {

	private final AuditTrail audit;

	KeyRotationAudit(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void on(PersonalDataKeyRotation.Rotated r) {
		String detail = r.column().isEmpty() ? "个人信息 SM4 密钥轮换" + (r.complete() ? "完成" : "未完成（可再次运行以继续）") + "：本次改写 "
				+ r.values() + " 项，当前密钥 " + r.keyId()
				: "个人信息 SM4 密钥轮换：" + r.column() + " 改写 " + r.values() + " 项，改用密钥 " + r.keyId();
		this.audit.record(new AuditEntry("SM4_KEY_ROTATION", "sm4_key", String.valueOf(r.keyId()),
				AuditEntry.Result.SUCCESS, detail, null, "system", "system"));
	}

}
