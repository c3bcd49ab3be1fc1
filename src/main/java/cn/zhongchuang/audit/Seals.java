package cn.zhongchuang.audit;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.util.HexFormat;

import cn.zhongchuang.platform.Keyring;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * HMAC-SM3 seals (电子印章, tamper evidence) on decisions, notices and assessment results: a
 * module builds the {@link SealText canonical text} of a record's binding fields from the
 * row as stored, seals it when the record is made, keeps the seal and its key id in the
 * row, and checks it whenever the record is shown. The key is outside the database
 * ({@code zhongchuang.seal.hmac-key} / {@code ZHONGCHUANG_SEAL_HMAC_KEY}, base64 of at
 * least 16 bytes, with {@code …seal.key-id} and {@code …seal.retired-keys}; a demo keeps
 * {@code seal-hmac.key}, {@code seal-hmac.key.2}, … in the data directory): whoever can
 * change the row but lacks the key cannot make a changed record verify. Seals made under
 * a retired key still verify as long as the key stays in the keyring.
 * <p>
 * The seal is the HMAC-SM3 (GB/T 32905, RFC 2104) of the UTF-8 bytes of
 * {@link SealText#text()}, as 64 lower-case hex digits.
 */
public final class Seals {

	private final Keyring keys;

	public Seals(Keyring keys) {
		for (int id : keys.ids()) {
			if (keys.key(id).orElseThrow().length < 16) {
				throw new IllegalArgumentException("a seal key needs at least 16 bytes (key " + id + ")");
			}
		}
		this.keys = keys;
	}

	/** The canonical text of a record of this kind, to be filled field by field. */
	public static SealText text(String kind) {
		return new SealText(kind);
	}

	/** Seals the text under the current key. */
	public Seal seal(SealText text) {
		int id = this.keys.currentId();
		return new Seal(id, mac(this.keys.current(), text.text()));
	}

	/**
	 * Checks a stored seal ({@code keyId} and {@code value} as kept in the row, either
	 * may be null when the record was never sealed) against the text of the record as
	 * stored now.
	 */
	public SealCheck verify(SealText text, Integer keyId, String value) {
		if (value == null || keyId == null) {
			return new SealCheck(SealCheck.Status.UNSEALED, keyId);
		}
		byte[] key = this.keys.key(keyId).orElse(null);
		if (key == null) {
			return new SealCheck(SealCheck.Status.UNKNOWN_KEY, keyId);
		}
		boolean same = MessageDigest.isEqual(mac(key, text.text()).getBytes(StandardCharsets.US_ASCII),
				value.getBytes(StandardCharsets.US_ASCII));
		return new SealCheck(same ? SealCheck.Status.VALID : SealCheck.Status.INVALID, keyId);
	}

	/**
	 * Checks the seal a row keeps in its {@code seal} and {@code seal_key_id} columns
	 * (the layout every sealed table has) against the row's text as stored now.
	 */
	public SealCheck verifyStored(SealText text, ResultSet row) throws SQLException {
		return verify(text, row.getObject("seal_key_id", Integer.class), row.getString("seal"));
	}

	/**
	 * Stores a seal in row {@code id} of a sealed table ({@code seal},
	 * {@code seal_key_id} columns); with {@code onlyUnsealed} only while the row has
	 * none; {@code condition}, when not null, is a further SQL condition on the row
	 * written by the caller (never user input). Returns whether the row was written.
	 */
	public static boolean store(JdbcClient jdbc, String table, long id, Seal seal, boolean onlyUnsealed,
			String condition) {
		return jdbc
			.sql("UPDATE " + table + " SET seal = :seal, seal_key_id = :key WHERE id = :id"
					+ ((condition != null) ? " AND " + condition : "") + (onlyUnsealed ? " AND seal IS NULL" : ""))
			.param("seal", seal.value())
			.param("key", seal.keyId())
			.param("id", id)
			.update() == 1;
	}

	/** The id of the key new seals are made under. */
	public int currentKeyId() {
		return this.keys.currentId();
	}

	private static String mac(byte[] key, String text) {
		HMac hmac = new HMac(new SM3Digest());
		hmac.init(new KeyParameter(key));
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		hmac.update(bytes, 0, bytes.length);
		byte[] out = new byte[hmac.getMacSize()];
		hmac.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

	@Override
	public String toString() {
		return "Seals[HMAC-SM3, current key " + this.keys.currentId() + "]";
	}

	/** A seal: the id of its key and the HMAC-SM3 value in hex. */
	public record Seal(int keyId, String value) {
	}

}
