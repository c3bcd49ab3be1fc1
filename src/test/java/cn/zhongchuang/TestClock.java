package cn.zhongchuang;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import cn.zhongchuang.platform.ChinaTime;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The application's clock in tests: real time, unless a test moves it forward to let a
 * notice period run out. A test that moves it puts it back in {@code finally}.
 */
@Component
@Primary
public class TestClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

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
		return ChinaTime.ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), this.offset);
	}

}
