package cn.zhongchuang.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The algorithm against RFC 6238 (appendix B, SHA1) and RFC 4648 base32. */
class TotpTests {

	private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private static final long[][] RFC6238_SHA1 = { { 59L, 94287082L }, { 1111111109L, 7081804L },
			{ 1111111111L, 14050471L }, { 1234567890L, 89005924L }, { 2000000000L, 69279037L },
			{ 20000000000L, 65353130L } };

	@Test
	void rfc6238Sha1TestVectorsWithEightDigits() {
		for (long[] vector : RFC6238_SHA1) {
			long step = Totp.step(Instant.ofEpochSecond(vector[0]));
			assertThat(Totp.code(RFC_KEY, step, 8)).as("T = %d", vector[0]).isEqualTo("%08d".formatted(vector[1]));
		}
	}

	@Test
	void sixDigitCodesAreTheLastSixOfTheVectorsAndWhatAnAppShowsForTheBase32Secret() {
		String secret = Totp.base32(RFC_KEY);
		assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		for (long[] vector : RFC6238_SHA1) {
			assertThat(Totp.code(secret, Instant.ofEpochSecond(vector[0])))
				.isEqualTo("%06d".formatted(vector[1] % 1_000_000));
		}
	}

	@Test
	void base32FollowsRfc4648AndRoundTrips() {
		String[][] vectors = { { "", "" }, { "f", "MY" }, { "fo", "MZXQ" }, { "foo", "MZXW6" }, { "foob", "MZXW6YQ" },
				{ "fooba", "MZXW6YTB" }, { "foobar", "MZXW6YTBOI" } };
		for (String[] v : vectors) {
			assertThat(Totp.base32(v[0].getBytes(StandardCharsets.US_ASCII))).isEqualTo(v[1]);
			assertThat(new String(Totp.decode(v[1]), StandardCharsets.US_ASCII)).isEqualTo(v[0]);
		}
		Random random = new Random(6238);
		for (int i = 0; i < 500; i++) {
			byte[] data = new byte[random.nextInt(40)];
			random.nextBytes(data);
			assertThat(Totp.decode(Totp.grouped(Totp.base32(data)).toLowerCase())).isEqualTo(data);
		}
		assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]{32}");
	}

	@Test
	void acceptsOneStepEitherSideOnceAndNeverAnOlderStep() {
		String secret = Totp.base32(RFC_KEY);
		Instant now = Instant.ofEpochSecond(1111111111L);
		long step = Totp.step(now);
		String previous = Totp.code(RFC_KEY, step - 1, 6);
		String next = Totp.code(RFC_KEY, step + 1, 6);
		String twoAhead = Totp.code(RFC_KEY, step + 2, 6);

		assertThat(Totp.match(secret, previous, now, -1)).hasValue(step - 1);
		assertThat(Totp.match(secret, next, now, -1)).hasValue(step + 1);
		assertThat(Totp.match(secret, " " + next.substring(0, 3) + " " + next.substring(3), now, -1))
			.hasValue(step + 1);
		assertThat(Totp.match(secret, twoAhead, now, -1)).isEmpty();
		// the replay guard: a step at or before the last accepted one is refused
		assertThat(Totp.match(secret, previous, now, step - 1)).isEmpty();
		assertThat(Totp.isReplay(secret, previous, now, step - 1)).isTrue();
		assertThat(Totp.match(secret, next, now, step)).hasValue(step + 1);
		assertThat(Totp.isReplay(secret, twoAhead, now, step)).isFalse();
		assertThat(Totp.match(secret, "12345", now, -1)).isEmpty();
		assertThat(Totp.match(secret, "abcdef", now, -1)).isEmpty();
		assertThat(Totp.match(secret, null, now, -1)).isEmpty();
	}

	@Test
	void keyUriNamesIssuerAccountAndParameters() {
		assertThat(Totp.uri("众创", "lz_bureau", "GEZDGNBVGY3TQOJQ"))
			.isEqualTo("otpauth://totp/%E4%BC%97%E5%88%9B:lz_bureau?secret=GEZDGNBVGY3TQOJQ&issuer=%E4%BC%97%E5%88%9B"
					+ "&algorithm=SHA1&digits=6&period=30");
	}

}
