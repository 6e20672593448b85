"""A blind labelled set for the quality of matching, ``held_out_dec8a``: written on 7 December 2026 by a
writer who had read neither the engine's vocabulary nor its meaning and matching code, nor any other
labelled set's pupils, nor the bench's output or misses.

The school: a school of about 1,300 pupils in a Far East port city (Vladivostok-like). From grade 8 there
is a marine engineering class («И»: 8И–11И) run with the maritime state university; from grade 7 a cadet
naval class («К»: 7К–11К) with an officer-educator, a retired captain 3rd rank; ordinary classes «А»…«Г».
Second languages are Chinese and Korean (HSK / TOPIK, exchanges with Harbin and Busan). A fishing and fish
processing company is a partner (excursions, summer jobs from 14, targeted study); an alumnus runs a
logistics company (port, containers, trade with China and Korea). The school has a strong sailing and
rowing section, an ocean ecology research club (the bay, microplastics, the marine biostation), a
school museum of the fleet, a theatre studio and a school newspaper. Many pupils have a parent at sea for
months (рейс, контракт), some families have lost a father at sea; some children are migrants from Central
Asia (Uzbekistan, Tajikistan, Kyrgyzstan) learning Russian; there are pupils with ОВЗ (РАС, СДВГ, ЗПР,
dysgraphia, hearing and sight loss, cerebral palsy, type 1 diabetes, Down syndrome) and at-risk pupils
(ВШУ / ПДН, truancy, vaping, alcohol, running away).

Mentors are written as the school fills its mentors' spreadsheet: free phrases, abbreviations, grade
ranges in varied notations (some empty). Three external mentors come from the partners (the maritime
university, the fish processing company, the alumnus with the logistics company); three senior pupils are
peer mentors (11А sailing, 10И engineering — himself a migrant from Tajikistan, 10К cadet). Pupils are
written as curators' spreadsheets and pupils' questionnaires give them: tags, free text, slang and typos,
some with areas only, some empty. A pupil's ``right`` mentors are those the school psychologist would
accept, her first choice first, taking the meaning of the request, the grade against the mentor's
preferred grades, ОВЗ (a trained mentor) and at-risk (an experienced mentor) into account. Comments mark
each pupil easy, medium or hard as the writer judged it.
"""

from .quality_set import Pupil, Teacher

DEC8A_MENTORS: list[Teacher] = [
    Teacher(
        key="psy_morozova",
        competencies=[
            "эмоциональная поддержка",
            "тревожность, страхи, панические атаки",
            "адаптация в новом коллективе",
            "детско-родительские отношения",
            "семьи моряков: когда папа/мама в рейсе",
            "горе и утрата",
            "буллинг, травля",
            "профориентация (тестирование)",
        ],
        subject="педагог-психолог",
        interests=["песочная терапия", "настольные игры"],
        age=41,
        capacity=14,
        special_needs_trained=True,
        at_risk_experience=True,
        preferred_grades="",
    ),
    Teacher(
        key="soc_gubaidullina",
        competencies=[
            "профилактика правонарушений, ВШУ/ПДН",
            "семьи в ТЖС",
            "дети мигрантов: документы, адаптация семьи",
            "пропуски уроков",
            "летняя занятость и трудоустройство подростков",
            "вредные привычки",
        ],
        subject="социальный педагог",
        age=52,
        capacity=12,
        at_risk_experience=True,
        preferred_grades="5-11 кл., начальная школа — по запросу",
    ),
    Teacher(
        key="logoped_pak",
        competencies=[
            "постановка звуков",
            "дисграфия, дислексия",
            "заикание",
            "развитие речи",
            "русский как неродной у младших школьников",
        ],
        subject="учитель-логопед",
        age=38,
        capacity=10,
        special_needs_trained=True,
        preferred_grades="1-4 кл.",
    ),
    Teacher(
        key="tutor_sokolova",
        competencies=[
            "сопровождение детей с ОВЗ",
            "РАС, СДВГ, ЗПР",
            "индивидуальный образовательный маршрут",
            "организация учёбы, планирование",
            "ГВЭ / особые условия на экзаменах",
        ],
        subject="тьютор (инклюзия), дефектолог",
        age=34,
        capacity=9,
        special_needs_trained=True,
        preferred_grades="1–9",
    ),
    Teacher(
        key="math_belov",
        competencies=[
            "подготовка к ЕГЭ (профиль)",
            "ОГЭ по математике",
            "олимпиадная математика",
            "пробелы в алгебре и геометрии",
        ],
        subject="математика",
        interests=["шахматы", "задачи с параметром"],
        age=47,
        capacity=10,
        preferred_grades="8–11 (профиль, ОГЭ/ЕГЭ)",
    ),
    Teacher(
        key="phys_kim",
        competencies=[
            "физика ОГЭ/ЕГЭ",
            "руководитель морского инженерного класса",
            "судомоделирование",
            "инженерная графика, черчение",
            "проекты на конкурс «Юные морские инженеры»",
        ],
        subject="физика",
        interests=["катера", "3D-печать"],
        age=44,
        capacity=10,
        preferred_grades="7-11",
    ),
    Teacher(
        key="chinese_tkachenko",
        competencies=[
            "китайский язык, HSK 1–4",
            "олимпиада по китайскому",
            "обмен со школой в Харбине",
            "каллиграфия, культура Китая",
        ],
        subject="китайский язык",
        age=36,
        capacity=9,
        preferred_grades="5–11",
    ),
    Teacher(
        key="korean_tsoy",
        competencies=[
            "корейский язык, TOPIK",
            "хангыль для начинающих",
            "корейская культура, k-pop клуб",
            "летняя школа в Пусане",
        ],
        subject="корейский язык",
        age=29,
        capacity=9,
        preferred_grades="с 5 по 11 класс",
    ),
    Teacher(
        key="rus_orlova",
        competencies=[
            "ОГЭ/ЕГЭ по русскому языку",
            "итоговое сочинение",
            "школьная газета «Маяк»",
            "РКИ: русский для детей-инофонов",
            "литературный кружок, олимпиады",
        ],
        subject="русский язык и литература",
        age=50,
        capacity=10,
        special_needs_trained=True,
        preferred_grades="5-11",
    ),
    Teacher(
        key="bio_zaitseva",
        competencies=[
            "клуб «Экология океана»",
            "исследовательские проекты",
            "мониторинг бухты, микропластик",
            "экспедиции на морскую биостанцию",
            "олимпиады по биологии и экологии",
            "ЕГЭ/ОГЭ биология, химия",
        ],
        subject="биология, химия",
        interests=["дайвинг", "морские беспозвоночные"],
        age=39,
        capacity=10,
        preferred_grades="5–11 кл",
    ),
    Teacher(
        key="pe_grishin",
        competencies=[
            "парусный спорт",
            "академическая гребля",
            "ГТО, общая физподготовка",
            "командная работа",
            "трудные подростки через спорт",
        ],
        subject="физкультура, тренер секции паруса и гребли",
        age=45,
        capacity=12,
        at_risk_experience=True,
        preferred_grades="4–11 (парус с 10 лет)",
    ),
    Teacher(
        key="cadet_kovalev",
        competencies=[
            "кадетский морской класс",
            "морская подготовка: узлы, шлюпка, строевая",
            "поступление в ВВМУ, Нахимовское, погранинститут",
            "дисциплина, режим",
            "патриотическое воспитание",
            "работа с трудными подростками",
        ],
        subject="офицер-воспитатель, кап. 3 ранга запаса",
        age=58,
        capacity=12,
        at_risk_experience=True,
        preferred_grades="кадетские классы 7–11",
    ),
    Teacher(
        key="primary_nikitina",
        competencies=[
            "адаптация первоклассников",
            "техника чтения",
            "трудности в учёбе, ВПР",
            "группа продлённого дня",
            "дети с ОВЗ в инклюзивном классе",
        ],
        subject="учитель начальных классов",
        age=48,
        capacity=12,
        special_needs_trained=True,
        preferred_grades="начальная школа",
    ),
    Teacher(
        key="inf_sergeev",
        competencies=[
            "программирование на Python",
            "робототехника, подводные дроны (ROV)",
            "ОГЭ/ЕГЭ информатика",
            "разработка игр",
            "кибербезопасность",
        ],
        subject="информатика",
        age=33,
        capacity=10,
        preferred_grades="6-11",
    ),
    Teacher(
        key="art_vasilieva",
        competencies=[
            "рисование, живопись",
            "театральная студия",
            "декоративно-прикладное творчество",
            "арт-терапия",
            "дизайн, портфолио в худ. школу",
        ],
        subject="ИЗО, технология",
        age=43,
        capacity=10,
        special_needs_trained=True,
        preferred_grades="1–8",
    ),
    Teacher(
        key="hist_drozdov",
        competencies=[
            "ОГЭ/ЕГЭ история и обществознание",
            "школьный музей «Флот и город»",
            "краеведение Приморья, походы",
            "дебаты, право",
        ],
        subject="история, обществознание",
        age=55,
        capacity=8,
        preferred_grades="",
    ),
    Teacher(
        key="uni_lebedev",
        competencies=[
            "судовождение",
            "судовые энергетические установки, судовые механики",
            "профориентация на морские специальности",
            "поступление в морской университет и морской колледж, целевое",
            "практика на учебном паруснике",
        ],
        subject="доцент Морского государственного университета (партнёр инженерного класса)",
        age=51,
        capacity=8,
        preferred_grades="10–11, можно 9",
    ),
    Teacher(
        key="fish_ermakova",
        competencies=[
            "профессии рыбной отрасли: технолог, мастер, механик холодильных установок",
            "экскурсии на рыбоперерабатывающий комбинат",
            "летняя подработка 14+",
            "целевое обучение от предприятия",
            "пищевые технологии",
        ],
        subject="начальник отдела персонала, рыбоперерабатывающий комбинат (партнёр)",
        age=46,
        capacity=7,
        preferred_grades="8–11",
    ),
    Teacher(
        key="alum_shevchenko",
        competencies=[
            "логистика: порт, контейнеры, склад",
            "ВЭД с Китаем и Кореей",
            "как открыть своё дело",
            "финансовая грамотность",
        ],
        subject="выпускник 2008 г., владелец логистической компании",
        interests=["яхты"],
        age=36,
        capacity=7,
        preferred_grades="старшеклассники 9-11",
    ),
    Teacher(
        key="peer_ulyana",
        competencies=[
            "помощь пятиклассникам в адаптации",
            "парусная секция",
            "как совмещать спорт и учёбу",
            "поддержка, просто поговорить",
        ],
        subject="вожатая, парусный спорт (КМС)",
        group_name="11А",
        age=17,
        capacity=6,
        preferred_grades="5–7",
    ),
    Teacher(
        key="peer_timur",
        competencies=[
            "помощь по математике и физике",
            "адаптация ребят, которые переехали из других стран",
            "русский язык для новичков",
            "робототехника",
        ],
        subject="ученик инженерного класса, сам приехал из Таджикистана в 3 классе",
        group_name="10И",
        age=16,
        capacity=6,
        preferred_grades="5-8 кл",
    ),
    Teacher(
        key="peer_artem",
        competencies=[
            "новичкам кадетского класса",
            "строевая, форма, режим дня",
            "гребля",
            "подтянуть физподготовку",
        ],
        subject="кадет, вице-старшина",
        group_name="10К",
        age=16,
        capacity=6,
        preferred_grades="7-8 кадеты",
    ),
]

HELD_OUT_DEC8A: list[Pupil] = [
    # ---------------- 1 класс ----------------
    Pupil(["не выговаривает р и ш"], ("logoped_pak",), "1А"),  # easy
    Pupil(
        [],
        ("psy_morozova", "primary_nikitina"),
        "1Б",
        request_text="Плачет по утрам, не хочет идти в школу. Папа ушёл в рейс на полгода, мама одна с тремя детьми.",
    ),  # medium
    Pupil(["РАС", "нужен тьютор на переменах"], ("tutor_sokolova", "psy_morozova"), "1В", special_needs=True),  # easy
    Pupil(
        ["не знает русский язык", "семья из Узбекистана"],
        ("logoped_pak", "primary_nikitina"),
        "1Г",
        request_text="Мальчик пришёл в 1 класс почти без русского, дома говорят на узбекском.",
    ),  # medium
    Pupil([], ("art_vasilieva",), "1А", areas=["рисование"]),  # easy
    Pupil(["медленно читает", "не успевает за классом"], ("primary_nikitina", "logoped_pak"), "1Б"),  # easy
    Pupil(
        ["гиперактивный, не сидит на уроке", "СДВГ"],
        ("tutor_sokolova", "psy_morozova", "primary_nikitina"),
        "1В",
        special_needs=True,
    ),  # medium
    Pupil([], ("primary_nikitina", "psy_morozova"), "1Г"),  # hard
    Pupil(
        ["синдром Дауна", "инклюзивный класс"],
        ("tutor_sokolova", "primary_nikitina", "logoped_pak"),
        "1Б",
        special_needs=True,
    ),  # easy
    # ---------------- 2 класс ----------------
    Pupil(["дисграфия", "пишет буквы зеркально"], ("logoped_pak", "primary_nikitina"), "2А"),  # easy
    Pupil(
        [],
        ("psy_morozova", "primary_nikitina"),
        "2Б",
        request_text="Мама работает поваром на траулере, сын живёт с бабушкой, стал замкнутым, молчит на уроках",
    ),  # medium
    Pupil(["хочу на кораблики!!", "парусный"], ("pe_grishin",), "2В", areas=["спорт"]),  # hard
    Pupil(["дерётся на переменах", "агрессия"], ("psy_morozova", "primary_nikitina"), "2Г"),  # medium
    Pupil([], ("art_vasilieva",), "2А", areas=["театр", "танцы"]),  # easy
    Pupil(
        ["ЗПР", "адаптированная программа 7.2"],
        ("tutor_sokolova", "primary_nikitina", "logoped_pak"),
        "2Б",
        special_needs=True,
    ),  # medium
    Pupil(["заикается"], ("logoped_pak", "psy_morozova"), "2В"),  # easy
    Pupil(
        [],
        ("psy_morozova", "primary_nikitina"),
        "2Г",
        request_text="Сын говорит что у него нет друзей в классе, на переменах стоит один",
    ),  # easy
    Pupil(["математика трудно", "не понимает задачи"], ("primary_nikitina",), "2А"),  # medium
    # ---------------- 3 класс ----------------
    Pupil(["любит морских животных", "аквариум"], ("bio_zaitseva",), "3А", areas=["природа"]),  # hard
    Pupil(
        [],
        ("psy_morozova",),
        "3Б",
        request_text="Папа капитан, уходит на 4-6 месяцев. Когда возвращается, ребёнок ревнует маму к папе, истерики.",
    ),  # medium
    Pupil(
        ["слабослышащая, слуховой аппарат", "нужна помощь с речью"],
        ("logoped_pak", "tutor_sokolova"),
        "3В",
        special_needs=True,
    ),  # medium
    Pupil(["рисует комиксы", "хочет в кружок"], ("art_vasilieva",), "3Г"),  # easy
    Pupil(["плохой почерк", "ошибки в диктантах"], ("logoped_pak", "primary_nikitina"), "3А"),  # easy
    Pupil(
        ["семья переехала из Киргизии", "нет друзей", "плохо по-русски"],
        ("logoped_pak", "psy_morozova", "primary_nikitina"),
        "3Б",
    ),  # medium
    Pupil(["шахматы"], ("math_belov",), "3В"),  # hard
    Pupil(
        ["очень стеснительная", "боится отвечать у доски"],
        ("psy_morozova", "primary_nikitina", "art_vasilieva"),
        "3Г",
    ),  # medium
    Pupil([], ("pe_grishin",), "3А", areas=["спорт"]),  # medium
    Pupil([], ("art_vasilieva",), "3В", areas=["музыка"]),  # hard
    Pupil(["ОВЗ", "тяжело писать, рука устаёт"], ("logoped_pak", "tutor_sokolova", "primary_nikitina"), "3Г", special_needs=True),  # medium
    # ---------------- 4 класс ----------------
    Pupil(["ВПР по русскому и математике", "подтянуть"], ("primary_nikitina",), "4А"),  # easy
    Pupil(["гребля", "хочу в секцию как брат"], ("pe_grishin",), "4Б"),  # easy
    Pupil(
        [],
        ("psy_morozova", "primary_nikitina", "peer_ulyana"),
        "4В",
        request_text="Очень боится перехода в 5 класс, много новых учителей, другой этаж",
    ),  # medium
    Pupil(["хочу учить китайский", "мама работает с Китаем"], ("chinese_tkachenko",), "4Г"),  # hard
    Pupil(
        ["ДЦП, ходит с тростью", "хочет участвовать в спектакле"],
        ("art_vasilieva", "tutor_sokolova"),
        "4А",
        special_needs=True,
    ),  # medium
    Pupil(["кораблики", "моделирование"], ("phys_kim",), "4Б", areas=["техника"]),  # hard
    Pupil(
        [],
        ("soc_gubaidullina", "psy_morozova"),
        "4В",
        request_text="Семья на учёте, мама выпивает, отец в море и не выходит на связь. Ребёнок приходит голодный.",
        at_risk=True,
    ),  # hard
    Pupil(["читает мало", "гаджеты целый день"], ("primary_nikitina", "psy_morozova"), "4Г"),  # medium
    Pupil(["корейский", "k-pop"], ("korean_tsoy",), "4А"),  # medium
    Pupil(["не знаю"], ("primary_nikitina", "psy_morozova"), "4Б"),  # hard
    Pupil(["плавание", "парус", "хочу быть капитаном как папа"], ("pe_grishin",), "4В"),  # easy
    Pupil(
        ["русский не родной", "мама из Таджикистана", "стесняется говорить"],
        ("logoped_pak", "primary_nikitina", "psy_morozova"),
        "4Г",
    ),  # medium
    Pupil(["папа в море", "скучает, рисует папин корабль"], ("psy_morozova", "primary_nikitina"), "4А"),  # easy
    # ---------------- 5 класс ----------------
    Pupil(["адаптация в 5 кл", "путается в кабинетах"], ("peer_ulyana", "psy_morozova"), "5А"),  # easy
    Pupil(
        ["дисграфия", "двойки по русскому"],
        ("rus_orlova", "logoped_pak", "tutor_sokolova"),
        "5Б",
        special_needs=True,
    ),  # medium
    Pupil(["приехали из Таджикистана", "русский", "друзья"], ("peer_timur", "rus_orlova", "soc_gubaidullina"), "5В"),  # medium
    Pupil(["экология", "мусор на пляже", "хочу в клуб океана"], ("bio_zaitseva",), "5Г"),  # easy
    Pupil(["парус", "яхта"], ("pe_grishin", "peer_ulyana"), "5А"),  # easy
    Pupil(["кит. яз", "иероглифы красивые"], ("chinese_tkachenko",), "5Б"),  # easy
    Pupil(
        [],
        ("psy_morozova",),
        "5В",
        request_text="папа в рейсе уже 8 месяцев, продлили контракт. сын стал грубить, ничего не делает",
    ),  # medium
    Pupil(["курит", "прогулы"], ("soc_gubaidullina", "psy_morozova", "pe_grishin"), "5Г", at_risk=True),  # medium
    Pupil(["рисование", "аниме"], ("art_vasilieva",), "5А"),  # easy
    Pupil(["программирование", "хочу делать игры"], ("inf_sergeev",), "5Б"),  # medium
    Pupil(["театр"], ("art_vasilieva",), "5В", areas=["творчество"]),  # easy
    Pupil(["РАС", "трудно в новом коллективе"], ("tutor_sokolova", "psy_morozova"), "5Г", special_needs=True),  # easy
    Pupil([], ("korean_tsoy", "chinese_tkachenko"), "5А", areas=["языки"]),  # hard
    Pupil(
        ["обижают в классе", "дразнят из-за акцента"],
        ("psy_morozova", "peer_timur", "soc_gubaidullina"),
        "5Б",
    ),  # medium
    Pupil(["гребля", "спорт", "ГТО"], ("pe_grishin",), "5В"),  # easy
    Pupil(
        [],
        ("peer_ulyana", "psy_morozova"),
        "5Г",
        request_text="Переехали из Находки в октябре, никого не знает, сидит один",
    ),  # easy
    Pupil(["хочу на парусник как папа", "папа старпом"], ("pe_grishin", "peer_ulyana"), "5А"),  # medium
    # ---------------- 6 класс ----------------
    Pupil(["матеша", "дроби не понимаю"], ("peer_timur", "math_belov"), "6А"),  # medium
    Pupil(["корейский язык", "хочу поехать в Корею"], ("korean_tsoy",), "6Б"),  # easy
    Pupil(["роботы", "лего"], ("inf_sergeev", "peer_timur"), "6В"),  # easy
    Pupil(
        [],
        ("psy_morozova",),
        "6Г",
        request_text="После развода родителей замкнулась, плачет, оценки упали",
    ),  # easy
    Pupil(["экология океана", "морские млекопитающие", "киты"], ("bio_zaitseva",), "6А"),  # easy
    Pupil(["кражи в раздевалке", "стоит на ВШУ"], ("soc_gubaidullina", "psy_morozova"), "6Б", at_risk=True),  # medium
    Pupil(["история флота", "музей"], ("hist_drozdov",), "6В"),  # easy
    Pupil(
        ["хочу в кадеты в 7 классе", "подготовиться к отбору"],
        ("cadet_kovalev", "peer_artem", "pe_grishin"),
        "6Г",
    ),  # medium
    Pupil(
        ["СДВГ", "не может организоваться, забывает дз"],
        ("tutor_sokolova", "psy_morozova"),
        "6А",
        special_needs=True,
    ),  # easy
    Pupil(["литра", "пишу стихи"], ("rus_orlova",), "6Б"),  # easy
    Pupil(["скучно"], ("psy_morozova", "peer_ulyana"), "6В"),  # hard
    Pupil(["из Узбекистана, второй год в России", "русский"], ("rus_orlova", "peer_timur"), "6Г"),  # easy
    Pupil([], ("pe_grishin", "peer_ulyana"), "6А", areas=["спорт", "море"]),  # medium
    Pupil(["рисую", "хочу стать дизайнером"], ("art_vasilieva",), "6Б"),  # easy
    Pupil([], ("bio_zaitseva",), "6В", areas=["волонтерство", "экология"]),  # medium
    Pupil(["китайский или корейский", "какой выбрать?"], ("chinese_tkachenko", "korean_tsoy"), "6Г"),  # medium
    Pupil(["хочу вести блог школы", "снимать видосы"], ("rus_orlova", "art_vasilieva"), "6Б"),  # medium
    # ---------------- 7 класс ----------------
    Pupil(["новенький в кадетах", "тяжело с режимом и строевой"], ("peer_artem", "cadet_kovalev"), "7К"),  # easy
    Pupil(
        ["дерзит офицеру-воспитателю", "нарушения дисциплины"],
        ("psy_morozova", "soc_gubaidullina"),
        "7К",
        at_risk=True,
    ),  # hard
    Pupil(["физика непонятная", "новый предмет"], ("phys_kim", "peer_timur"), "7А"),  # easy
    Pupil(["алгебра", "геометрия", "тройки"], ("peer_timur", "math_belov"), "7Б"),  # medium
    Pupil(["подводные дроны", "ROV"], ("inf_sergeev", "phys_kim"), "7В"),  # easy
    Pupil(["мама в море", "живу с тётей", "грустно"], ("psy_morozova",), "7А"),  # easy
    Pupil(["олимпиада по китайскому"], ("chinese_tkachenko",), "7Б"),  # easy
    Pupil(
        [],
        ("bio_zaitseva",),
        "7В",
        request_text="Хочу в клуб экологии, в прошлом году мы чистили бухту Патрокл, хочу исследовать микропластик в песке",
    ),  # easy
    Pupil(["гребля", "соревнования", "как совмещать с учёбой"], ("pe_grishin", "peer_artem"), "7К"),  # easy
    Pupil(
        ["слабовидящая", "быстро устаёт, не успевает"],
        ("tutor_sokolova", "psy_morozova"),
        "7А",
        special_needs=True,
    ),  # easy
    Pupil(["вейп", "компания старше"], ("soc_gubaidullina", "psy_morozova", "pe_grishin"), "7Б", at_risk=True),  # medium
    Pupil(["k-pop", "корейский", "танцы"], ("korean_tsoy", "art_vasilieva"), "7В"),  # easy
    Pupil(["история", "краеведение Приморья", "походы"], ("hist_drozdov",), "7А"),  # easy
    Pupil(["школьная газета"], ("rus_orlova",), "7Б"),  # easy
    Pupil(["хочу в Нахимовское после 8-9"], ("cadet_kovalev",), "7К"),  # easy
    Pupil(
        ["игры", "сидит в телефоне до 3 ночи", "не высыпается"],
        ("psy_morozova", "inf_sergeev"),
        "7В",
    ),  # hard
    Pupil([], ("psy_morozova", "peer_ulyana"), "7А", request_text="не знаю что писать"),  # hard
    Pupil(
        ["сбегает из дома", "папа в рейсе, с отчимом конфликт"],
        ("psy_morozova", "soc_gubaidullina"),
        "7Б",
        at_risk=True,
    ),  # medium
    Pupil(
        [],
        ("peer_timur", "phys_kim"),
        "7В",
        request_text="мне нужен кто-то кто объяснит физику и матешу нормально а не как на уроке",
    ),  # medium
    Pupil(
        [],
        ("rus_orlova", "peer_timur"),
        "7А",
        request_text="Просим помочь ребёнку с русским языком, дома говорим на киргизском, в России живём 1 год",
    ),  # easy
    # ---------------- 8 класс ----------------
    Pupil(["судомоделирование", "конкурс", "черчение"], ("phys_kim",), "8И"),  # easy
    Pupil(["ОГЭ матем", "боюсь не сдать"], ("math_belov", "peer_timur"), "8А"),  # easy
    Pupil(["подработка летом", "деньги"], ("fish_ermakova", "soc_gubaidullina"), "8Б"),  # medium
    Pupil(["морские узлы", "шлюпка", "ял"], ("cadet_kovalev", "pe_grishin", "peer_artem"), "8К"),  # easy
    Pupil(
        [],
        ("pe_grishin", "soc_gubaidullina", "psy_morozova"),
        "8А",
        request_text="Постоянные конфликты с учителями, дважды ставили на ПДН. Отец в рейсе, мать не справляется. Любит лодки.",
        at_risk=True,
    ),  # hard
    Pupil(["корейский", "TOPIK 1"], ("korean_tsoy",), "8Б"),  # easy
    Pupil(["программирование", "ардуино"], ("inf_sergeev", "peer_timur"), "8И"),  # easy
    Pupil(
        ["РАС", "увлекается картами и кораблями", "нужен взрослый на переменах"],
        ("tutor_sokolova", "psy_morozova"),
        "8В",
        special_needs=True,
    ),  # medium
    Pupil(["биология", "олимпиада"], ("bio_zaitseva",), "8В"),  # easy
    Pupil(["подруги отвернулись", "травят в чате"], ("psy_morozova", "soc_gubaidullina"), "8А"),  # medium
    Pupil(["рисую", "портфолио в художку"], ("art_vasilieva",), "8Б"),  # easy
    Pupil(["подтянуть физо", "не сдаю нормативы"], ("peer_artem", "pe_grishin"), "8К"),  # easy
    Pupil(["хочу в морской универ", "механик"], ("uni_lebedev", "phys_kim"), "8И"),  # medium
    Pupil(["обществознание", "дебаты"], ("hist_drozdov",), "8В"),  # easy
    Pupil(
        ["из Кыргызстана", "документы", "маме нужна помощь"],
        ("soc_gubaidullina",),
        "8Б",
    ),  # easy
    Pupil(["китайский", "бизнес с Китаем в будущем"], ("chinese_tkachenko", "alum_shevchenko"), "8А"),  # medium
    Pupil(["самооценка", "не нравлюсь себе", "почти не ест"], ("psy_morozova",), "8В"),  # medium
    Pupil(
        ["папа в море", "мама болеет", "младшие братья на мне"],
        ("psy_morozova", "soc_gubaidullina"),
        "8К",
    ),  # medium
    Pupil(["ПОДВОДНЫЙ ДРОН для конкурса", "программировать"], ("inf_sergeev", "phys_kim"), "8И"),  # easy
    # ---------------- 9 класс ----------------
    Pupil(["ОГЭ по руск", "изложение"], ("rus_orlova",), "9А"),  # easy
    Pupil(["ОГЭ по информатике"], ("inf_sergeev",), "9Б"),  # easy
    Pupil(
        ["куда поступать после 9", "колледж или 10 класс"],
        ("psy_morozova", "uni_lebedev", "fish_ermakova"),
        "9В",
    ),  # hard
    Pupil(["морской колледж", "судовой механик", "практика"], ("uni_lebedev", "phys_kim"), "9И"),  # easy
    Pupil(["поступление в ТОВВМУ", "физподготовка"], ("cadet_kovalev", "pe_grishin"), "9К"),  # easy
    Pupil(
        ["пропускает школу", "работает грузчиком на рынке"],
        ("soc_gubaidullina", "psy_morozova"),
        "9А",
        at_risk=True,
    ),  # medium
    Pupil(["логистика", "порт"], ("alum_shevchenko",), "9Б"),  # easy
    Pupil(["технолог пищевого производства", "рыба", "экскурсия на завод"], ("fish_ermakova",), "9В"),  # easy
    Pupil(["олимпиада по физике"], ("phys_kim",), "9И"),  # easy
    Pupil(
        [],
        ("psy_morozova", "cadet_kovalev"),
        "9К",
        request_text="Отец погиб при крушении судна в прошлом году. Парень держится, но в кадетах говорят стал срываться.",
    ),  # hard
    Pupil(["ОГЭ биология и химия"], ("bio_zaitseva",), "9А"),  # easy
    Pupil(["дислексия", "ОГЭ в форме ГВЭ"], ("tutor_sokolova", "rus_orlova"), "9Б", special_needs=True),  # medium
    Pupil(["корейский", "хочу учиться в Корее"], ("korean_tsoy",), "9В"),  # easy
    Pupil(["алгебра ОГЭ", "подготовиться к профильному классу"], ("math_belov",), "9И"),  # easy
    Pupil(["выгорание", "не могу больше учиться", "ОГЭ давит"], ("psy_morozova",), "9А"),  # easy
    Pupil([], ("alum_shevchenko",), "9Б", areas=["бизнес"]),  # medium
    Pupil(["экспедиция", "остров Попова", "морская биостанция"], ("bio_zaitseva",), "9В"),  # easy
    Pupil(["строевая", "хочу стать старшиной"], ("cadet_kovalev",), "9К"),  # easy
    Pupil(["сочинения", "хочу стать журналистом"], ("rus_orlova",), "9А"),  # easy
    Pupil(
        ["драки", "агрессия"],
        ("pe_grishin", "soc_gubaidullina", "psy_morozova", "cadet_kovalev"),
        "9Б",
        at_risk=True,
    ),  # medium
    Pupil(["хз", "мне норм"], ("psy_morozova",), "9А"),  # hard
    Pupil(["хочу летом работать на рыбзаводе", "на учете в ПДН"], ("soc_gubaidullina",), "9В", at_risk=True),  # hard
    # ---------------- 10 класс ----------------
    Pupil(["ЕГЭ профиль математика", "физика"], ("math_belov", "phys_kim"), "10И"),  # easy
    Pupil(["целевое обучение в морском университете"], ("uni_lebedev",), "10И"),  # easy
    Pupil(["HSK 3", "китайский"], ("chinese_tkachenko",), "10А"),  # easy
    Pupil(["ЕГЭ общество", "юрфак"], ("hist_drozdov",), "10Б"),  # easy
    Pupil(["ВВМУ", "подводный флот"], ("cadet_kovalev",), "10К"),  # easy
    Pupil(["своё дело", "перепродажа"], ("alum_shevchenko",), "10А"),  # easy
    Pupil(
        [],
        ("bio_zaitseva", "fish_ermakova"),
        "10Б",
        request_text="хочу поступать на биолога-ихтиолога, думаю про ДВФУ, нужен проект для портфолио",
    ),  # medium
    Pupil(["судовые дизели", "практика на паруснике «Надежда»"], ("uni_lebedev", "phys_kim"), "10И"),  # easy
    Pupil(["тревога перед ЕГЭ", "панички"], ("psy_morozova",), "10А"),  # easy
    Pupil(["алкоголь на вписках", "прогулы"], ("soc_gubaidullina", "psy_morozova"), "10Б", at_risk=True),  # medium
    Pupil(["гребля", "разряд"], ("pe_grishin",), "10К"),  # easy
    Pupil(
        ["сахарный диабет 1 типа", "много пропусков из-за больниц, отстаёт"],
        ("tutor_sokolova", "psy_morozova"),
        "10Б",
        special_needs=True,
    ),  # hard
    Pupil(["логистика", "ВЭД", "китай"], ("alum_shevchenko", "chinese_tkachenko"), "10А"),  # easy
    Pupil(["3D моделирование", "проект катера"], ("phys_kim", "inf_sergeev"), "10И"),  # easy
    Pupil(["литература", "олимпиада по литре"], ("rus_orlova",), "10Б"),  # easy
    Pupil(["корейский", "переводчиком хочу"], ("korean_tsoy",), "10А"),  # easy
    Pupil(["лидерство", "вице-старшина", "как вести младших"], ("cadet_kovalev", "psy_morozova"), "10К"),  # medium
    Pupil([], ("bio_zaitseva",), "10А", areas=["медицина", "наука"]),  # medium
    Pupil(["вписки", "краш бросил", "ничего не хочется, нет смысла"], ("psy_morozova",), "10Б", at_risk=True),  # hard
    # ---------------- 11 класс ----------------
    Pupil(["ЕГЭ русский", "сочинение"], ("rus_orlova",), "11А"),  # easy
    Pupil(["ЕГЭ физика 90+"], ("phys_kim",), "11И"),  # easy
    Pupil(["ЕГЭ профиль", "задачи с параметром"], ("math_belov",), "11Б"),  # easy
    Pupil(["погранинститут или ВВМУ", "не знаю куда"], ("cadet_kovalev",), "11К"),  # medium
    Pupil(["не знаю куда поступать"], ("psy_morozova",), "11А"),  # medium
    Pupil(["ЕГЭ биология", "медицинский"], ("bio_zaitseva",), "11Б"),  # easy
    Pupil(
        ["поступаю в морской университет", "судовождение", "целевое от рыбного комбината"],
        ("uni_lebedev", "fish_ermakova"),
        "11И",
    ),  # easy
    Pupil(
        ["работа после школы", "не буду поступать", "надо помогать маме"],
        ("fish_ermakova", "soc_gubaidullina", "alum_shevchenko"),
        "11А",
    ),  # medium
    Pupil(["HSK 4", "учёба в Китае", "Харбин"], ("chinese_tkachenko",), "11Б"),  # easy
    Pupil(["программирование", "ЕГЭ информатика"], ("inf_sergeev",), "11И"),  # easy
    Pupil(
        ["отчисляют из кадетского", "самовольные уходы"],
        ("soc_gubaidullina", "psy_morozova", "cadet_kovalev"),
        "11К",
        at_risk=True,
    ),  # hard
    Pupil(["предпринимательство", "стартап доставки"], ("alum_shevchenko",), "11А"),  # easy
    Pupil(["выгорание", "не сплю", "репетиторы каждый день"], ("psy_morozova",), "11Б"),  # easy
    Pupil(["обществознание ЕГЭ", "история ЕГЭ"], ("hist_drozdov",), "11А"),  # easy
    Pupil(["логистика в порту или механиком?", "выбираю"], ("alum_shevchenko", "uni_lebedev"), "11И"),  # medium
    Pupil(
        ["нарушение слуха", "ЕГЭ в особых условиях", "русский"],
        ("rus_orlova", "psy_morozova"),
        "11Б",
        special_needs=True,
    ),  # medium
    Pupil(["парус", "кубок Приморья"], ("pe_grishin",), "11К"),  # easy
    Pupil(["СДВГ", "ЕГЭ", "не могу сосредоточиться больше 15 мин"], ("psy_morozova", "tutor_sokolova"), "11И", special_needs=True),  # hard
    Pupil(["кораблестроение", "ДВФУ или морской"], ("phys_kim", "uni_lebedev"), "11А"),  # medium
]
