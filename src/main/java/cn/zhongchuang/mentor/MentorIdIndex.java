package cn.zhongchuang.mentor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The blind index of a mentor's ID number: HMAC-SM3 of the normalised number (upper case,
 * no spaces) under a key kept outside the database, as 64 hex digits. The ID number
 * itself is stored SM4-encrypted with a random nonce, so equal numbers never give equal
 * ciphertexts; the index is what the unique partial index on active certificates
 * compares. Whoever reads the database but lacks the key cannot test guessed numbers
 * against it.
 */
final class MentorIdIndex {

	private final byte[] key;

	MentorIdIndex(byte[] key) {
		if (key == null || key.length < 16) {
			throw new IllegalArgumentException("the mentor ID index key needs at least 16 bytes");
		}
		this.key = key.clone();
	}

	static MentorIdIndex fromBase64(String base64) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the mentor ID index key is not valid base64");
		}
		return new MentorIdIndex(key);
	}

	String of(String idNumber) {
		byte[] bytes = IdNumbers.normalise(idNumber).getBytes(StandardCharsets.UTF_8);
		HMac hmac = new HMac(new SM3Digest());
		hmac.init(new KeyParameter(this.key));
		hmac.update(bytes, 0, bytes.length);
		byte[] out = new byte[hmac.getMacSize()];
		hmac.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

	@Override
	public String toString() {
		return "MentorIdIndex[HMAC-SM3]";
	}

}
