package cn.zhongchuang;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Real time in tests, unless a test moves it forward (and puts it back in
 * {@code finally}). The clocks the application reads in tests are of this kind.
 */
public abstract class MovableClock extends Clock {

	private final ZoneId zone;

	private volatile Duration offset = Duration.ZERO;

	protected MovableClock(ZoneId zone) {
		this.zone = zone;
	}

	public void advance(Duration by) {
		this.offset = this.offset.plus(by);
	}

	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), this.offset);
	}

}
