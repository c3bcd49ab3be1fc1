package cn.zhongchuang.expert;

/** The filter bar of the pool list. */
record ExpertQuery(String keyword, String field, Boolean active, Integer page, Integer size) {
}
