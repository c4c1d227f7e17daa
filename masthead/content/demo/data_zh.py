"""The demo newsroom's Chinese edition (issue 20): section names, journalists, and the stories
published in both languages.

`TRANSLATIONS` are Chinese versions of English originals in data.ARTICLES; `ENGLISH_VERSIONS` are
English versions of the Chinese originals there (the six articles with "language": "zh"). Each is
linked to its original by Wagtail's `translation_key` (the loader uses `copy_for_translation`), so
the language switch, hreflang alternates, the meter and gift links treat the pair as one story.
The versions are shorter than their originals: newsroom translators condense. Fictional, like
data.py.
"""

from __future__ import annotations

SITE = {
    "home_title": "东方电路",
    "authors_title": "我们的记者",
}

# English section slug → (Chinese title, Chinese description).
SECTIONS = {
    "startups": ("创业公司", "创始人、融资与失败：中国创业公司如何起步、融资并走向海外。"),
    "ai": ("人工智能", "大模型、训练它们的芯片和约束它们的规则，从北京的实验室到工厂车间。"),
    "hardware": ("硬件", "手机、无人机和珠三角的供应链。来自深圳，以及中国设备主导的各个市场。"),
    "fintech": ("金融科技", "移动支付、数字人民币、消费信贷，以及资金进出中国的管道。"),
    "policy": ("政策", "监管、反垄断、数据安全和地方产业政策，不讲行话，讲清楚。"),
    "consumer": ("消费科技", "超级应用、新零售、直播带货，以及十亿人每天使用的科技产品。"),
}

# English author slug → Chinese name, role and biography.
AUTHORS = {
    "chen-yuting": {
        "name": "陈雨婷",
        "role": "总编辑，常驻上海",
        "bio": "陈雨婷在上海和香港的财经日报报道中国互联网行业十年后创办了东方电路。从团购大战到大模型竞赛，她报道过每一轮周期，并负责编辑本刊的长篇特稿。",
    },
    "zhou-min": {
        "name": "周敏",
        "role": "副总编辑，负责政策与监管报道，常驻北京",
        "bio": "周敏负责东方电路的监管报道，涵盖反垄断、数据安全和地方产业政策。加入本刊之前，他做了七年法治记者。他替读者读完每一份征求意见稿。",
    },
    "wang-lei": {
        "name": "王磊",
        "role": "资深记者，硬件方向，常驻深圳",
        "bio": "王磊报道消费电子、无人机和珠三角供应链。他在东莞长大，曾在一家手机配件厂做产品经理，在华强北跑了十多年。",
    },
    "he-jiaqi": {
        "name": "何佳琪",
        "role": "人工智能与半导体记者，常驻北京",
        "bio": "何佳琪报道人工智能、芯片和海淀的研究实验室。她拥有浙江大学计算机硕士学位，转行做记者之前是一名数据工程师。她更关心模型如何真正落地，而不是如何发布。",
    },
    "lin-xiaowen": {
        "name": "林晓雯",
        "role": "金融科技记者，常驻杭州",
        "bio": "林晓雯在杭州报道支付、消费信贷和数字人民币。她曾在一家信用评级机构工作，从此养成了追问脚注的习惯。",
    },
    "guo-tianyu": {
        "name": "郭天宇",
        "role": "社交媒体主编，常驻北京",
        "bio": "郭天宇负责东方电路的社交媒体和新闻通讯，同时报道消费应用、直播带货和网络文化。",
    },
    "amara-okafor": {
        "name": "阿玛拉·奥卡福",
        "role": "非洲记者，常驻拉各斯",
        "bio": "阿玛拉·奥卡福报道中国科技公司在非洲的业务，从手机品牌、支付应用到建设通信网络的工程师。她常驻拉各斯和内罗毕。",
    },
    "priya-raman": {
        "name": "普丽娅·拉曼",
        "role": "南亚及东南亚记者，常驻新加坡",
        "bio": "普丽娅·拉曼报道中国手机品牌、电商平台和创业公司在印度和东南亚的发展。她会说泰米尔语、印地语，以及足以讨价还价的普通话。",
    },
    "mathieu-laurent": {
        "name": "马蒂厄·洛朗",
        "role": "欧洲记者，常驻巴黎",
        "bio": "马蒂厄·洛朗报道中国科技公司在欧洲的投资、并购与监管，以及出海的中国创始人。",
    },
}

TRANSLATIONS = [
    {
        "original": "large-model-price-war-explained",
        "slug": "damoxing-jiagezhan-jiedu",
        "title": "一文读懂中国大模型价格战",
        "dek": "中国的人工智能公司把调用模型的价格降到了不到一分钱。谁挑起了价格战，谁负担得起，它对建立在大模型之上的创业公司又意味着什么？",
        "body": [
            (
                "paragraph",
                "如果你在中国的大语言模型之上开发软件，你大概从来没有花这么少的钱买到这么多的算力。开发者按词元向模型发送文本、接收回答所支付的接口价格，在主要服务商那里已经下降了九成以上。",
            ),
            (
                "paragraph",
                "这场价格战通常被追溯到二零二四年五月：杭州的实验室深度求索把新模型的价格定在当时市场价的零头。几周之内，字节跳动、阿里云、百度和腾讯纷纷宣布大幅降价，每一轮降价都引来新一轮跟进。",
            ),
            ("heading", "为什么降得这么狠？"),
            (
                "paragraph",
                "解释有三种，而且并不互相排斥。第一是技术：更高效的模型架构和推理软件确实降低了每次请求的成本。第二是战略：云厂商愿意亏本卖词元，换取开发者和企业客户。第三是竞争：没有人愿意在开发者生态里落后。",
            ),
            (
                "quote",
                {
                    "text": "现在没有人在词元上赚钱。大家都在买开发者生态里的位置，希望账单先落到别人头上。",
                    "attribution": "高鹏，北京一家人工智能客服创业公司的首席技术官",
                },
            ),
            (
                "paragraph",
                "对做应用的创业公司来说，价格战是一份礼物。高鹏的公司为保险公司和银行做对话助手，一年之内每月的模型费用从约四十万元降到不到三万元，而用量还在增长。独立的模型开发商则面临更难算的账：它们没有云平台或超级应用，训练和推理的成本只能靠收入或投资人的钱来覆盖。",
            ),
        ],
    },
    {
        "original": "shenzhen-from-shanzhai-to-hardware-valley",
        "slug": "shenzhen-cong-shanzhai-dao-yingjian-guigu",
        "title": "从山寨到“硬件硅谷”：深圳漫长的重塑",
        "dek": "二十年前，深圳以山寨手机闻名。今天，世界各地的硬件创业公司来这里把东西造出来。这场转变既不像口号说的那样突然，也没有那么整齐。",
        "body": [
            (
                "paragraph",
                "二零零八年，在深圳华强北，花不到五百元就能买到一部外形几乎和苹果手机一模一样、却有双卡槽、电视天线和能响彻整辆公交车的喇叭的手机。人们叫它“山寨”，这个词原本指山里的寨子，后来用来形容游离于正规体系之外的仿制品。",
            ),
            (
                "paragraph",
                "支撑这套体系的有几样东西：联发科等芯片公司提供的“交钥匙”方案让小公司跳过了大部分工程工作；成千上万的元器件供应商聚集在车程不远的范围内；设计公司几周就能拿出一款新机。",
            ),
            ("heading", "从仿制到出货"),
            (
                "paragraph",
                "智能手机普及后，山寨手机生意很快崩塌，被小米等把深圳速度与真正的设计和营销结合起来的品牌挤出市场。但技能并没有消失。学会一个月做出一部手机的工程师，后来去做无人机、智能手表和扫地机器人。",
            ),
            (
                "quote",
                {
                    "text": "人们说深圳不再抄袭，开始创新了。我觉得它一直两样都做。变化的是成果归谁。",
                    "attribution": "黄建峰，二零零四年起在深圳经营一家电子设计公司",
                },
            ),
            (
                "paragraph",
                "到了二零一零年代中期，硬件加速器、创客空间和外国创始人大批到来。来自旧金山、柏林和特拉维夫的创业者发现，在家乡要几个月才能迭代一次的原型，在深圳几天就能改一版。",
            ),
        ],
    },
    {
        "original": "phone-makers-race-ai-agents",
        "slug": "shouji-changshang-zhengduo-ai-zhineng-ti",
        "title": "手机上的智能体：手机厂商竞相把人工智能助手装进每一个应用",
        "dek": "中国手机品牌正在打造能替用户操作应用的助手：打车、点外卖、填表格。应用开发者却不确定自己愿不愿意被“操作”。",
        "body": [
            (
                "paragraph",
                "上周在深圳的一场发布会上，演示者举起一部新手机，只说了一句话：“给我点一份和上周二一样的午饭，送到办公室。”手机助手随即打开外卖应用，找到上次的订单，确认地址并付了款。",
            ),
            (
                "paragraph",
                "这种由人工智能助手代替用户操作其他应用的“智能体”功能，已成为中国手机厂商的主战场。华为、小米、欧珀、维沃和荣耀都展示过能在应用之间穿梭完成任务的助手。",
            ),
            ("heading", "谁掌握用户？"),
            (
                "paragraph",
                "这项技术带来了一个尴尬的商业问题。从微信、美团到淘宝，中国最大的应用多年来都在建设让用户尽可能停留在自己界面里的生态，让用户看到它们的推荐和广告。如果助手替用户点击，这些界面就被绕过了。",
            ),
            (
                "quote",
                {
                    "text": "如果由手机决定你从哪家餐厅点餐，手机厂商就成了平台。做超级应用的人不会默默接受。",
                    "attribution": "魏晨，一家外卖平台的前产品经理",
                },
            ),
            (
                "paragraph",
                "分析人士预计，这场竞争将塑造未来几年的中国手机市场。市场增长已经放缓，各品牌都急需能说服用户换机的新功能。",
            ),
        ],
    },
    {
        "original": "foreign-visitors-pay-with-phones-mostly",
        "slug": "waiguo-youke-shouji-zhifu",
        "title": "外国游客终于能在中国用手机付款了，大体上",
        "dek": "支付宝和微信支付已经接受境外银行卡，酒店和出租车也被要求接受现金和银行卡。我们问了游客的体验，也亲自试了一遍。",
        "body": [
            (
                "paragraph",
                "多年来，外国游客对中国最常见的抱怨不是签证，也不是语言，而是付钱。在一个几乎人人扫码付款的国家，只带着外国银行卡和少量现金的游客常常寸步难行。",
            ),
            (
                "paragraph",
                "这种情况已经有了很大改变。二零二三年起，两大超级应用都允许用户在简化的身份验证后绑定境外发行的维萨、万事达等银行卡。有关部门也发布指引，要求大型商户、酒店和景区接受银行卡和现金。",
            ),
            ("heading", "我们的测试"),
            (
                "paragraph",
                "我们请三位分别来自德国、巴西和肯尼亚的游客，抵达北京后安装支付宝和微信支付，并用一周时间。三人都在二十分钟左右绑定了银行卡，几乎在每家餐馆、商店和地铁站都能顺利付款。",
            ),
            (
                "quote",
                {
                    "text": "第一天我很紧张。到第三天，我已经像其他人一样扫码买小吃了。唯一的问题是我的银行打了两次电话确认是不是我本人。",
                    "attribution": "莉娜·霍夫曼，来自汉堡的游客",
                },
            ),
            (
                "paragraph",
                "也有小问题。一些小商户的收款码会无故拒绝境外卡用户的付款，酒店账单等大额交易有时需要额外验证，较大金额还要支付约百分之三的手续费。",
            ),
        ],
    },
    {
        "original": "why-beijing-wants-ai-labels-on-everything",
        "slug": "weishenme-yao-gei-ai-neirong-da-biaoqian",
        "title": "为什么北京要给一切人工智能内容打标签",
        "dek": "新规要求人工智能生成的文字、图片、音频和视频带有显式标签和隐式元数据。平台忙着合规，创作者也在摸索什么才算“人工智能生成”。",
        "body": [
            (
                "paragraph",
                "如今刷中国的短视频应用，你会发现越来越多的帖子带着灰色小标签：“疑似使用人工智能生成”或“作品由人工智能辅助创作”。这些标签是一整套规则中看得见的部分。",
            ),
            (
                "paragraph",
                "这些要求建立在二零二三年一月起施行的深度合成规定之上，那套规定首次要求对换脸等合成内容加注标识。国家网信办等部门发布的标识办法把范围扩大到了几乎所有生成内容。",
            ),
            ("heading", "为什么要打标签？"),
            (
                "paragraph",
                "官方把这些规则与虚假信息、诈骗和公众混淆联系在一起。警方通报过利用人工智能合成的声音和面孔冒充亲友或生意伙伴的诈骗案件。",
            ),
            (
                "quote",
                {
                    "text": "标签挡不住删掉元数据的坏人，但它提高了欺骗的成本，也让诚实的使用变得可见。这才是现实的目标。",
                    "attribution": "姚丹，上海一所大学的数字治理研究者",
                },
            ),
            (
                "paragraph",
                "更大的问题是，当人工智能辅助无处不在时，标签还有没有意义。如果大多数照片都经过人工智能修图、大多数文字都由聊天机器人起草，给一切打上标签可能什么也说明不了。",
            ),
        ],
    },
    {
        "original": "nairobi-smartphones-fifty-shillings-a-day",
        "slug": "neiluobi-meitian-wushi-xianling-de-shouji",
        "title": "在内罗毕，一部智能手机每天五十先令",
        "dek": "分期付款让中国制造的智能手机进入了数百万肯尼亚人的口袋。停止付款手机就会被锁，这种模式扩大了普及，也引发了对债务的担忧。",
        "body": [
            (
                "paragraph",
                "内罗毕卡万瓦雷社区的理发师万吉鲁·卡茂两年前买第一部智能手机时，并没有一次付清。她交了一千五百先令首付，约定一年内每天通过手机钱包支付五十先令。如果哪天没付，手机就会锁住，只能拨打紧急电话。",
            ),
            (
                "paragraph",
                "这种设备融资已经成为肯尼亚人购买智能手机的主要方式之一。专业贷款机构、电信运营商和手机零售商都提供按日或按周付款的方案，手机里的软件在逾期时限制使用。",
            ),
            ("heading", "普及，但附带条件"),
            (
                "paragraph",
                "支持者说，这种模式大大扩大了上网人群。一万二千先令的手机对很多日结工人来说遥不可及，但相当于一趟公交车费的日付款却负担得起。",
            ),
            (
                "quote",
                {
                    "text": "在这里，智能手机不是玩具，它是商店、银行和求职中心。按人们挣钱的方式按天付款，对很多家庭来说是合理的。",
                    "attribution": "奥蒂耶诺·姆旺吉，内罗毕的金融科技分析师",
                },
            ),
            (
                "paragraph",
                "但代价不小。算上融资费用，用户最终支付的总额往往远高于手机的现金价格，而且总成本并不总是清楚地告知用户。卡茂快付清了，她说：“感觉手机不信任我。可银行也不信任我。”",
            ),
        ],
    },
    {
        "original": "founders-move-to-singapore-engineers-stay",
        "slug": "chuangshiren-ban-qu-xinjiapo",
        "title": "创始人搬到了新加坡，工程师留在了成都",
        "dek": "越来越多的中国创业公司把总部设在新加坡，以安抚海外客户和投资人。但日常的大部分工作仍在中国完成。",
        "body": [
            (
                "paragraph",
                "在新加坡罗敏申路的一处联合办公空间，前台已经学会用普通话迎接访客。据大楼经理说，租用工位的公司中约有三分之一由来自中国大陆的人创办。",
            ),
            (
                "paragraph",
                "在新加坡注册、在中国运营，已经成为出海创业公司的常见做法。创始人说，新加坡总部更方便开银行账户、与西方客户签合同，也更容易向海外投资人融资。",
            ),
            ("premium_break", None),
            ("heading", "安心，但有代价"),
            (
                "paragraph",
                "吴子涵的软件公司为印尼和越南的小零售商提供库存管理工具，他去年搬到了新加坡。他的六十人工程团队仍在成都，那里的薪资大约只有新加坡的三分之一。",
            ),
            (
                "quote",
                {
                    "text": "新加坡给你一张干净的信纸，但不会给你一段新的历史。认真的客户会问代码是在哪里写的。",
                    "attribution": "陈慧玲，新加坡的一名公司律师",
                },
            ),
            (
                "paragraph",
                "律师们说，换个地址本身并不会改变监管者对一家公司的看法。在中国产生的数据仍受中国规则约束，外国政府也越来越关注公司的员工、服务器和股东在哪里，而不只是注册地。",
            ),
        ],
    },
    {
        "original": "live-commerce-small-town-streamers",
        "slug": "zhibo-daihuo-xiaozhen-zhubo",
        "title": "超级主播之后：小镇主播的崛起",
        "dek": "几位明星主播一夜卖出数十亿元的时代，已经让位给在农场、工厂和店铺里直播的数百万小卖家。钱更少了，活却一点没少。",
        "body": [
            (
                "paragraph",
                "每天晚上七点，黄晓丽在广西自家果园里架好补光灯和手机，开始说话。接下来的三个小时，她剥砂糖橘、回答观众提问、讲早熟和晚熟品种的区别。",
            ),
            (
                "paragraph",
                "直播带货在二零一零年代末和疫情期间成为一门大生意，少数明星主播一晚上能卖出惊人的数量。二零二一年和二零二二年，几位头部主播因税务问题受罚或淡出，行业随之分散。",
            ),
            ("premium_break", None),
            ("heading", "人人都是主播"),
            (
                "paragraph",
                "如今，直播已是日常的销售渠道。工厂在生产线上直播，品牌雇用团队全天轮播，像黄晓丽这样的农民直接在田间卖货。地方政府也开设直播培训班。",
            ),
            (
                "quote",
                {
                    "text": "大家以为直播就是说话。直播是说三个小时，再打包五个小时，然后回消息回到半夜，就为了一个坏掉的橘子。",
                    "attribution": "黄晓丽，广西的水果卖家",
                },
            ),
            (
                "paragraph",
                "对黄晓丽来说，直播改变了全家的收入。以前，父母只能按收购商在地头定的价格卖水果；现在每公斤能多赚一些，收获季节还雇了两位邻居帮忙。",
            ),
        ],
    },
    {
        "original": "founders-say-chuhai-before-series-a",
        "slug": "chuangshiren-xian-chuhai-zai-a-lun",
        "title": "为什么中国创始人先说“出海”，再说“A轮”",
        "dek": "出海曾是成功创业公司的第二幕。对于面对谨慎的国内市场和稀缺资本的新一代创始人来说，它从第一天起就是商业计划。",
        "body": [
            (
                "paragraph",
                "上个月在上海杨浦区的一场路演日上，十四家登台的创业公司中有十一家用同一张幻灯片开场：一张世界地图，中国涂成灰色，别的地方涂成亮橙色。有时是印尼，有时是沙特，有时是墨西哥。",
            ),
            (
                "paragraph",
                "大家用的词是“出海”。过去十年的大部分时间里，它指的是在国内取胜的成熟公司才做的事：阿里巴巴入股来赞达，字节跳动把抖音变成TikTok，传音在非洲卖手机。",
            ),
            ("premium_break", None),
            ("heading", "国内不存在的利润率"),
            (
                "paragraph",
                "另一个原因是价格。电商、外卖和短视频领域的国内竞争异常激烈，很多创始人形容国内市场是“毛利率去世的地方”。“在中国，我要和三家巨头和两百个模仿者竞争，”一位创始人说。",
            ),
            (
                "quote",
                {
                    "text": "五年前，海外收入是放在最后一页显得有野心的。现在，如果它不在第二页，我就不听了。",
                    "attribution": "谢如意，上海一家早期基金的合伙人",
                },
            ),
            (
                "paragraph",
                "这种模式也有路演材料里很少提及的风险。一次关税公告就可能让盈利的出口生意变成亏损。尽管如此，我们采访的创始人中很少有人认为能回到旧的打法。",
            ),
        ],
    },
    {
        "original": "digital-yuan-pilots-not-wallets",
        "slug": "shuzi-renminbi-shidian-yu-qianbao",
        "title": "数字人民币：试点处处可见，钱包里难觅踪影",
        "dek": "数字人民币已在政府主导的试点、工资发放和公共交通中处理了大笔资金，普通用户却仍然习惯用支付宝和微信支付。原因何在，什么可能改变这一点？",
        "body": [
            (
                "paragraph",
                "在苏州，一些公务员的部分工资以数字人民币发放；在深圳，居民抽中过数字人民币红包；在成都，地铁可以用它付款；在雄安，承包商的工程款也用它结算。",
            ),
            (
                "paragraph",
                "数字人民币是由央行发行、通过商业银行分发的数字形式的现金。用户可以在专门的应用或银行应用里持有它，在越来越多的商户使用，往往扫的就是接受其他支付方式的同一个二维码。",
            ),
            ("premium_break", None),
            ("heading", "便利的差距"),
            (
                "paragraph",
                "最主要的障碍很简单：对消费者来说，现有系统已经足够好用。支付宝和微信支付嵌在人们从聊天到挂号什么都用的超级应用里，提供积分和信贷产品，而且几乎处处都能用。",
            ),
            (
                "quote",
                {
                    "text": "数字人民币从来不是靠做一个更好的支付宝取胜的。它的价值在于公共基础设施，而基础设施在你需要它之前往往是看不见的。",
                    "attribution": "付燕，北京一家金融研究机构的经济学家",
                },
            ),
            (
                "paragraph",
                "改变更可能来自机构而非消费者。随着更多政府支付、工资和企业间交易以数字人民币结算，人们可能会逐渐发现账户里有了它，并继续使用下去。",
            ),
        ],
    },
    {
        "original": "ev-startup-shakeout-by-the-numbers",
        "slug": "xin-shili-zaoche-taotai-shuju",
        "title": "用数字看造车新势力的大洗牌",
        "dek": "过去十年，数以百计的公司登记要造电动车，只有少数几家活得很好。我们追踪了其余公司的下场，以及赢家做对了什么。",
        "body": [
            (
                "paragraph",
                "在中国电动车投资热潮的顶峰，大约二零一八年和二零一九年，登记有意造新能源车的公司数以百计。有的是拥有工程团队和工厂的正经车企，更多的只是一份方案和一块地。",
            ),
            (
                "paragraph",
                "我们根据公开文件、公司声明和地方政府公告，整理了二零一五年至二零二一年间宣布单轮融资超过五亿元的六十二家电动车创业公司。其中十四家仍在规模化生产，其余大多已停产、被收购或破产。",
            ),
            ("premium_break", None),
            ("heading", "幸存者的共同点"),
            (
                "paragraph",
                "幸存者有几个共同点。大多数先靠一款车型实现量产，再扩充产品线，而不是一开始就发布全系列。大多数掌握自己的软件和电子架构，可以远程升级车辆，做出差异化。",
            ),
            (
                "quote",
                {
                    "text": "这个行业不缺钱。它缺的是耐心，缺的是敢对一座工厂说不的人。",
                    "attribution": "潘丽华，上海的汽车行业分析师",
                },
            ),
            (
                "paragraph",
                "失败者则常常在需求到来之前就大建产能。在三十七个案例中，有二十一家在交付一万辆车之前就建成或基本建成了年产能至少十万辆的工厂。",
            ),
        ],
    },
    {
        "original": "domestic-ai-chips-inference-vs-training",
        "slug": "guochan-ai-xinpian-tuili-yu-xunlian",
        "title": "国产人工智能芯片做推理够用了，训练是另一回事",
        "dek": "国产加速器正在承担越来越多的国内人工智能算力需求。工程师说，任务越简单，差距缩小得越快；在最前沿，差距依然最大。",
        "body": [
            (
                "paragraph",
                "问一位中国人工智能工程师国产芯片能否替代英伟达，回答往往从另一个问题开始：替代它做什么？过去两年，华为、寒武纪和一批小型设计公司的加速器已经大规模部署。",
            ),
            (
                "paragraph",
                "最明显的成功在推理，也就是运行训练好的模型来回答用户请求。推理任务可以拆成许多彼此独立的小任务，也能容忍偶尔的硬件故障。几家云服务商表示，新增推理算力的大部分已经来自国产芯片。",
            ),
            ("premium_break", None),
            ("heading", "差距在哪里"),
            (
                "paragraph",
                "训练大模型是另一回事。它需要数千块芯片连续协同工作数周，高速交换数据，并在其中一块出故障时平稳恢复。工程师形容国产集群“能用但脆弱”：崩溃的任务要从检查点重来，耗费数天时间。",
            ),
            (
                "quote",
                {
                    "text": "做推理，问题是成本；做训练，问题是任务能不能跑完。这是两种完全不同的成熟度。",
                    "attribution": "陶军，上海一家模型开发商的基础设施负责人",
                },
            ),
            (
                "paragraph",
                "实际结果是一种双层体系：许多中国公司用国产芯片承担日常的大部分工作，把稀缺的进口处理器留给训练。政策也支持这种转变。",
            ),
        ],
    },
    {
        "original": "platform-economy-rules-scorecard",
        "slug": "pingtai-jingji-guize-chengjidan",
        "title": "风暴之后的平台经济规则：一份成绩单",
        "dek": "反垄断指南、罚款、整改要求和新的数据规则重塑了中国最大的互联网公司。我们对照监管者当初设定的目标，看看究竟改变了什么。",
        "body": [
            (
                "paragraph",
                "从二零二零年底到二零二二年，中国监管部门针对国内最大的互联网平台出台了一连串规则和处罚。平台经济领域的反垄断指南于二零二一年二月发布，创纪录的罚款随之而来。",
            ),
            (
                "paragraph",
                "密集阶段已经过去，我们把监管者当时公开提出的主要目标与今天能观察到的情况逐一对照。这种评估必然是局部的：许多变化发生在公司内部，外界看不到。",
            ),
            ("premium_break", None),
            ("heading", "排他：基本实现"),
            (
                "paragraph",
                "最明显的变化在排他行为上。监管者针对的是“二选一”，即平台迫使商户不得在竞争对手那里销售。我们采访的商户绝大多数表示，公开的二选一要求已经消失。",
            ),
            ("heading", "互联互通：部分实现"),
            ("paragraph", "监管者还要求平台停止屏蔽彼此的链接和服务。进展是真实的，但并不完整。"),
            (
                "quote",
                {
                    "text": "规则改变了平台之间被允许做什么，却没有改变少数几家公司处在中国数字生活中心这一事实。",
                    "attribution": "刘宁，北京一所大学的竞争经济学家",
                },
            ),
        ],
    },
    {
        "original": "delivery-drones-shenzhen-bay-economics",
        "slug": "shenzhenwan-wurenji-peisong-jingjizhang",
        "title": "深圳湾上空的无人机配送：一笔经济账",
        "dek": "在深圳，无人机每天把外卖送到公园、海边和写字楼楼顶。它们看起来像未来，但这门生意算得过账吗？",
        "body": [
            (
                "paragraph",
                "午饭时间，深圳人才公园的一个取餐柜旁，几位上班族抬头看着一架无人机降落。几分钟前，他们在手机上下了单；餐食从几公里外的商场起飞，越过海湾送到这里。",
            ),
            (
                "paragraph",
                "美团自二零二一年起在深圳开展常态化无人机配送，其他物流和科技公司也在试点。运营者说，在合适的航线上，无人机比骑手快得多。",
            ),
            ("premium_break", None),
            ("heading", "算一算成本"),
            (
                "paragraph",
                "运营者不公布详细的经济数据，但我们采访的工程师和分析师列出了主要成本：无人机本身、取餐柜、需要更换的电池、远程监控飞行和在枢纽装货的员工，以及每条新航线的审批。",
            ),
            (
                "quote",
                {
                    "text": "无人机每公里很便宜，每个取餐柜却很贵。只有取餐柜够忙、地面路线够慢的地方，这门生意才成立。",
                    "attribution": "邱岚，广州的物流分析师",
                },
            ),
            (
                "paragraph",
                "目前，分析人士认为中国的无人机配送是一项受政策支持的长期基础设施押注，而不是一门本身就能盈利的生意。",
            ),
        ],
    },
]

ENGLISH_VERSIONS = [
    {
        "original": "xiancheng-kuajing-dianshang-nianqingren",
        "slug": "county-town-cross-border-sellers",
        "title": "Back to the county town to sell to the world",
        "dek": "In county towns in Zhejiang, Fujian and Henan, young people are leaving big-city jobs to run cross-border e-commerce shops with a computer, a few local factories and overseas marketplaces.",
        "body": [
            (
                "paragraph",
                "At half past eight in the morning, 27-year-old Xu Qing is already at her desk in a small office converted from the ground floor of her family's building. Three years ago she worked in operations at an internet company in Shanghai and commuted two hours a day. Today she runs a cross-border shop from a county town in Zhejiang, selling storage products to the United States and Europe; last year's sales came close to eight million yuan.",
            ),
            (
                "paragraph",
                'Xu is not unusual. In county towns across Zhejiang, Fujian, Henan and Shandong, people call the model "county-town e-commerce": young people return home and sell the output of local factories directly to foreign consumers through Amazon, AliExpress, Shein and Pinduoduo\'s overseas platform.',
            ),
            ("heading", "Close to the factory, far from the market"),
            (
                "paragraph",
                "The hardest part, Xu says, is not finding a factory but understanding customers on the other side of the world. She once assumed Americans liked brightly coloured boxes, and returns were high; months of studying home-décor influencers showed her that size mattered more.",
            ),
            (
                "quote",
                {
                    "text": "People used to see going back to the county town as a retreat. Now many see it as another way forward.",
                    "attribution": "Chen Lixin, secretary-general of a county cross-border e-commerce association",
                },
            ),
            (
                "paragraph",
                'The risks are real: platform rules change often, advertising costs keep rising and trade policy can turn a business from profit to loss in weeks. Xu keeps part of her profit as a reserve and sells on more than one platform. "The world got smaller," she says. "At least on the shipping labels."',
            ),
        ],
    },
    {
        "original": "suzhou-lingbujian-chang-rengong-zhineng",
        "slug": "suzhou-parts-factory-ai-experiment",
        "title": "AI on the factory floor: a Suzhou parts maker's algorithm experiment",
        "dek": "A car-parts factory with 300 staff spent two years putting AI to work on inspection, scheduling and maintenance. Its experience shows that AI in factories is more mundane, and more useful, than the launch-event demos.",
        "body": [
            (
                "paragraph",
                'In a grey factory building on the edge of Suzhou Industrial Park, the first thing workshop director Shen Jianguo does every morning is open the overnight "anomaly report". Produced by an inspection algorithm the factory trained itself, it lists every brake part from the night shift that looked suspicious, with photographs and the type of defect. Two years ago the job took twelve inspectors working in shifts; now three people review the results.',
            ),
            (
                "paragraph",
                "Huaxin Precision is a typical small manufacturer of the Yangtze River Delta, supplying metal parts for brake and steering systems. Its general manager, Gu Haiyan, says the company turned to AI not to follow a fashion but because hiring had become so hard.",
            ),
            ("premium_break", None),
            ("heading", "It started with photographs"),
            (
                "paragraph",
                "The start was rough. A general-purpose vision system that was accurate in the lab misjudged parts constantly on the shop floor, confused by reflections, oil and fine scratches. The factory formed a five-person team of two young engineers and three veteran inspectors, who photographed and labelled tens of thousands of parts over six months.",
            ),
            (
                "quote",
                {
                    "text": "The algorithm learns fast, but it does not know what matters. Which scratch affects safety and which is only ugly, the old hands still have to teach it.",
                    "attribution": "Shen Jianguo, workshop director at Huaxin Precision",
                },
            ),
            (
                "paragraph",
                "The factory spent about six million yuan over two years, partly covered by a local subsidy for smart upgrades. Inspection alone saves more than two million yuan a year in labour and defects fell by about a third; a demand-forecasting model, starved of data, was shelved after a few months.",
            ),
        ],
    },
    {
        "original": "huaqiangbei-shanzhai-yingjian-chuangye-ershinian",
        "slug": "twenty-years-behind-a-huaqiangbei-counter",
        "title": "Twenty years behind a Huaqiangbei counter: from shanzhai phones to hardware startups",
        "dek": "From behind a counter in Huaqiangbei, one trader has watched Shenzhen's electronics industry rise and fall: the shanzhai phone boom, the rise of smart hardware, and the quiet reinvention of the e-commerce era.",
        "body": [
            (
                "paragraph",
                "In 1998, nineteen-year-old Huang Wei came to Shenzhen from Meizhou and became an apprentice behind a three-square-metre counter in a Huaqiangbei electronics market. Twenty-odd years later he has two counters of his own in the same building, selling power chips and sensors.",
            ),
            (
                "paragraph",
                'What he remembers best are the shanzhai years around 2007, when almost every counter sold phones or phone parts and a new model could go from design to market in a month or two. "A design house and a few factories could make a brand," he says.',
            ),
            ("heading", "After shanzhai"),
            (
                "paragraph",
                "When smartphones took over, the shanzhai trade collapsed. But it left behind a way of turning ideas into products fast: people who knew where to find parts, engineers who could design a board, factories willing to take small orders. Many drone, smartwatch and robot-vacuum teams grew out of it.",
            ),
            (
                "quote",
                {
                    "text": "Outsiders say Shenzhen used to copy and now innovates. I think people here were always learning. It is just that now others learn from us.",
                    "attribution": "Huang Wei, component trader in Huaqiangbei",
                },
            ),
            (
                "paragraph",
                'Today his daughter is a hardware engineer at a robotics startup and sometimes comes to the counter for samples. "You can buy things online," Huang says. "But when something goes wrong, people still come to Huaqiangbei to ask."',
            ),
        ],
    },
    {
        "original": "shuzi-renminbi-caichang-tanzhu",
        "slug": "digital-yuan-at-the-wet-market",
        "title": "The digital yuan goes to the wet market: what the stallholders think",
        "dek": "In the digital-yuan pilot cities, many market stalls have a new sign next to their payment codes. We spent a week in several markets hearing about the convenience, the confusion and the doubts.",
        "body": [
            (
                "paragraph",
                'At six in the morning, as a farmers\' market in western Hangzhou opens, Auntie Zhou has already set out her tofu stall. Beside her chopping board hang three payment codes: Alipay, WeChat Pay, and a digital-yuan code a community worker helped her apply for last year. "Three signs, and I cannot do without any of them," she says.',
            ),
            (
                "paragraph",
                "Hangzhou, one of the pilot cities, has widened use of the e-CNY with consumption vouchers and by signing up merchants. Most stallholders we visited accept it, but few customers pay with it: one fruit seller estimated fewer than five of his hundred-odd daily payments, mostly in weeks when the government hands out vouchers.",
            ),
            ("premium_break", None),
            ("heading", "Convenience and confusion"),
            (
                "paragraph",
                "For stallholders the appeal is fast settlement and, under current arrangements, no fees. A fishmonger, Mr Xu, calculated he could save a few hundred yuan a year. \"But if customers don't use it, I can't save anything,\" he says.",
            ),
            (
                "quote",
                {
                    "text": "When the government hands out red envelopes, everyone asks how to use it. When the envelopes are spent, everyone goes back to their old habits.",
                    "attribution": "Auntie Zhou, tofu seller at a Hangzhou farmers' market",
                },
            ),
            (
                "paragraph",
                "Researchers say the market shows the e-CNY's general problem: where mobile payment is already everywhere, individuals have little reason to switch. Salaries, subsidies, transit and business settlement may be where it breaks through.",
            ),
        ],
    },
    {
        "original": "difang-zhaoshang-chanye-jijin-huan-zongbu",
        "slug": "local-funds-trade-capital-for-headquarters",
        "title": "The new way cities court companies: industrial funds for headquarters",
        "dek": 'From cheap land and tax breaks to "investment for relocation", more local governments are buying stakes in companies through industrial funds to win projects. The money comes with new risks and strings.',
        "body": [
            (
                "paragraph",
                "Chinese local governments used to attract investment with cheap land, tax rebates and subsidies. Now more cities use industrial funds: the government sets up a fund, buys into promising companies, and in return the company moves its headquarters, factory or research centre to the city. Hefei, Suzhou and Shenzhen are seen as models.",
            ),
            (
                "paragraph",
                'For companies the fund brings money and often buildings, bank loans and services; for the city an equity stake can pay back if the company succeeds. "A subsidy is money spent. An investment is money that might come back," an investment official in the Yangtze River Delta told us.',
            ),
            ("premium_break", None),
            ("heading", "Relocation promises and buy-back clauses"),
            (
                "paragraph",
                "The money is never free. Investment agreements we reviewed commonly require a company to register and move within a deadline and to reach agreed investment, output or tax figures; if it falls short, the fund may make the company or its founders buy the shares back, sometimes with interest.",
            ),
            (
                "quote",
                {
                    "text": "Many founders look only at the valuation and the amount, not the buy-back clause in the annex. When the market turns, they find they are carrying a heavy debt.",
                    "attribution": "Qiu Wenjing, partner at a Shanghai law firm",
                },
            ),
            (
                "paragraph",
                'Founders we interviewed advise treating relocation terms, targets and exit mechanisms as seriously as the valuation. "More money is not always better," said one battery-materials founder. "Only promises you can keep are good ones."',
            ),
        ],
    },
    {
        "original": "gongxiang-danche-tuichao-zhihou",
        "slug": "after-the-bike-sharing-tide",
        "title": "After the bike-sharing tide: deposits, bike graveyards and a new order",
        "dek": "A few years ago, shared bikes were piled up on the edges of cities and millions of users queued for their deposits. The industry is now quiet and orderly. We went back to some of the people who lived through it.",
        "body": [
            (
                "paragraph",
                'In the winter of 2018, photographer Han Song drove to a vacant lot outside Xiamen and stared for a long time: tens of thousands of shared bikes stacked in layers, yellow, orange and blue, like a giant coloured carpet. He called the series "bike graveyard", and it spread widely online.',
            ),
            (
                "paragraph",
                "For a few years shared bikes covered Chinese streets almost overnight. Dozens of companies fought for users with subsidies, each bike costing far more than it earned, until cities capped fleets and cleared pavements.",
            ),
            ("heading", "Queuing for a deposit"),
            (
                "paragraph",
                "More memorable than the piles were the queues for refunds. Liu Chang, a programmer in Beijing, remembers opening the refund page to find more than ten million people ahead of him. His deposit was 199 yuan; he eventually gave up checking.",
            ),
            (
                "quote",
                {
                    "text": "That period taught many young people that free things are often the most expensive. A lot of people became more careful about investing and starting businesses.",
                    "attribution": "Liu Chang, a programmer in Beijing",
                },
            ),
            (
                "paragraph",
                'Today a few operators place bikes within quotas set by each city, deposits are mostly gone and rides cost more. Han went back to the lot: a logistics park stands there now. "What is left is an ordinary, convenient way to get around," he says. "Maybe that is what it should have been all along."',
            ),
        ],
    },
]
