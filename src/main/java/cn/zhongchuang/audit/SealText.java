package cn.zhongchuang.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The canonical serialization a seal is computed over, documented so that an assessor can
 * recompute it: the line {@code zhongchuang-seal-v1}, the line of the record's kind, then
 * one line per binding field in the order the module gives them, {@code name=value}, each
 * line ended by LF (U+000A). In a value, backslash is written {@code \\}, LF {@code \n}
 * and CR {@code \r}; a null value is written {@code name} alone (no {@code =}), an empty
 * one {@code name=}. Timestamps are UTC in ISO 8601 with microseconds
 * ({@code 2026-12-01T02:03:04.123456Z}), dates ISO ({@code 2026-12-01}), numbers as
 * PostgreSQL prints them.
 */
public final class SealText {

	private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

	private final StringBuilder text = new StringBuilder("zhongchuang-seal-v1\n");

	SealText(String kind) {
		this.text.append(escape(kind)).append('\n');
	}

	/** Adds a field; null is kept apart from the empty text. */
	public SealText field(String name, Object value) {
		this.text.append(escape(name));
		if (value != null) {
			this.text.append('=').append(escape(format(value)));
		}
		this.text.append('\n');
		return this;
	}

	/** The text that is sealed. */
	public String text() {
		return this.text.toString();
	}

	private static String format(Object value) {
		if (value instanceof OffsetDateTime t) {
			return MICROS.format(t.withOffsetSameInstant(ZoneOffset.UTC));
		}
		if (value instanceof Instant i) {
			return MICROS.format(i.atOffset(ZoneOffset.UTC));
		}
		if (value instanceof LocalDate d) {
			return d.toString();
		}
		if (value instanceof java.math.BigDecimal b) {
			return b.toPlainString();
		}
		return value.toString();
	}

	private static String escape(String s) {
		return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
	}

	@Override
	public String toString() {
		return text();
	}

}
