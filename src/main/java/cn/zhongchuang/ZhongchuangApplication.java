package cn.zhongchuang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ZhongchuangApplication {

	public static void main(String[] args) {
		SpringApplication.run(ZhongchuangApplication.class, args);
	}

}
