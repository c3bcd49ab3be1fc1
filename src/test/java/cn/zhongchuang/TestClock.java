package cn.zhongchuang;

import cn.zhongchuang.platform.ChinaTime;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The application's clock in tests: real time, unless a test moves it forward to let a
 * notice period run out. A test that moves it puts it back in {@code finally}.
 */
@Component
@Primary
public class TestClock extends MovableClock {

	TestClock() {
		super(ChinaTime.ZONE);
	}

}
