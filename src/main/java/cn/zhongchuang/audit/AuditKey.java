package cn.zhongchuang.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The key of the audit chain (HMAC-SM3, GB/T 32905 with RFC 2104), kept outside the
 * database: {@code zhongchuang.audit.hmac-key} (base64 of at least 16 bytes, environment
 * {@code ZHONGCHUANG_AUDIT_HMAC_KEY}); a demo or development start generates one in the
 * data directory ({@code audit-hmac.key}, mode 600). Whoever can write to the database
 * but lacks this key cannot forge a row, nor re-chain an edited trail.
 */
final class AuditKey {

	private final byte[] key;

	AuditKey(byte[] key) {
		if (key == null || key.length < 16) {
			throw new IllegalArgumentException("the audit HMAC key needs at least 16 bytes");
		}
		this.key = key.clone();
	}

	static AuditKey fromBase64(String base64) {
		try {
			return new AuditKey(Base64.getDecoder().decode(base64.strip()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"the audit HMAC key must be base64 of at least 16 bytes (openssl rand -base64 32)");
		}
	}

	/** HMAC-SM3 of the text, as 64 hex digits. */
	String mac(String text) {
		HMac hmac = new HMac(new SM3Digest());
		hmac.init(new KeyParameter(this.key));
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		hmac.update(bytes, 0, bytes.length);
		byte[] out = new byte[hmac.getMacSize()];
		hmac.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

	/** The chain value of a row: HMAC-SM3 over the previous value and every field. */
	String chain(StoredEvent event) {
		return mac(AuditTrail.canonical(event));
	}

	@Override
	public String toString() {
		return "AuditKey[HMAC-SM3]";
	}

}
