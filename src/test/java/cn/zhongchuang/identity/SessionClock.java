package cn.zhongchuang.identity;

import java.time.ZoneOffset;

import cn.zhongchuang.MovableClock;

import org.springframework.stereotype.Component;

/**
 * The clock of session lifetimes in tests: the wall clock, unless a test moves it forward
 * (and puts it back in {@code finally}). Separate from {@code TestClock}, which moves
 * business time (notice periods) without ending anyone's session.
 */
@Component("sessionClock")
public class SessionClock extends MovableClock {

	SessionClock() {
		super(ZoneOffset.UTC);
	}

}
