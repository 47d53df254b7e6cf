"""A synthetic archive for benchmarks: ``python -m build_archive.synth N OUT [--seed S]``.

Writes N raw articles in the seeds' own style into OUT: page chrome, related
story lists, doubled teasers and captions, datelines, bylines, source URLs
written backwards, known and unknown names, figures, numbered sessions and
consultations, visits, dates from 1962 to today. The same N and seed give the
same bytes.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from build_archive.common.textnorm import slugify

VN_PEOPLE = ["Phạm Minh Chính", "Nguyễn Quốc Dũng", "Nguyễn Chí Dũng", "Nguyễn Bá Hùng", "Nguyễn Minh Hằng",
             "Nguyễn Xuân Phúc", "Trần Văn Thành", "Lê Thị Hoa", "Đỗ Minh Tuấn", "Vũ Quang Hải", "Hoàng Anh Dũng"]
LA_PEOPLE = ["Sonexay Siphandone", "Saleumxay Kommasith", "Thongloun Sisoulith", "Phoxay Khaykhamphithoune",
             "Thongphan Savanphet", "Viengthong Siphandone", "Khamphao Ernthavanh", "Bounkham Vorachit",
             "Souliya Phommachanh"]
VN_ROLES = ["Thủ tướng", "Thứ trưởng Bộ Ngoại giao", "Bộ trưởng Bộ Kế hoạch và Đầu tư", "Đại sứ Việt Nam tại Lào",
            "Phó Thủ tướng", "Chủ tịch nước"]
LA_ROLES = ["Thủ tướng Lào", "Bộ trưởng Ngoại giao Lào", "Thứ trưởng Ngoại giao Lào", "Đại sứ Lào tại Việt Nam",
            "Phó Thủ tướng Lào"]
PLACES = ["Hà Nội", "Vientiane", "Đồng Hới", "Luang Prabang", "Đà Nẵng", "Vinh", "Savannakhet", "Huế",
          "Pakse", "Điện Biên Phủ"]
PROVINCES = ["Quảng Bình", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Thanh Hóa", "Sơn La", "Kon Tum", "Champasak",
             "Hủa Phăn", "Xiêng Khoảng"]
OUTLETS = [("(PLVN) - ", None, None), ("(VOV) - ", None, "vov.vn/chinh-tri/{slug}-post{n}.vov"),
           ("(VOV5) - ", None, None), ("(TTXVN) - ", None, None), ("", "Theo {author}/Báo Điện tử Chính phủ", None),
           ("", "Theo {author}/Báo Nhân Dân", None)]
AUTHORS = ["Hà Văn", "Minh Anh", "Thu Trang", "Quốc Khánh", "Lan Hương"]
TOPICS = ["hợp tác kinh tế", "giáo dục và đào tạo", "năng lượng", "giao thông kết nối", "quốc phòng an ninh",
          "thương mại biên giới", "văn hóa và du lịch", "y tế", "nông nghiệp", "ngoại giao kinh tế"]
CHROME = ["Trang chủ Chính trị - Xã hội Tin tức", "Logo", "Đăng ký ấn phẩm|Đăng nhập", "aa",
          "Việt Nam vươn mình trong kỷ nguyên mới"]
MARKERS = ["Tin liên quan", "Tin cùng chuyên mục", "Đọc nhiều", "Các tin bài khác", "Đừng bỏ lỡ"]
FILLERS = [
    "Hai bên đánh giá cao kết quả hợp tác toàn diện giữa hai nước trong thời gian qua, khẳng định quan hệ hữu nghị "
    "vĩ đại, đoàn kết đặc biệt và hợp tác toàn diện Việt Nam - Lào tiếp tục được củng cố.",
    "Hợp tác về quốc phòng, an ninh giữa hai nước tiếp tục được duy trì thắt chặt và phát triển với vai trò trụ cột "
    "quan trọng trong quan hệ giữa hai nước.",
    "Hai bên thống nhất tăng cường kết nối, bổ trợ giữa hai nền kinh tế, cả về hạ tầng cứng và hạ tầng mềm, nhất là "
    "kết nối về thể chế, tài chính, hạ tầng giao thông vận tải, năng lượng, viễn thông, du lịch.",
    "Tiếp tục ưu tiên hợp tác giáo dục, đào tạo theo hướng chú trọng chất lượng cao; áp dụng các mô hình đào tạo mới "
    "như đào tạo từ xa; quan tâm đào tạo nghề.",
    "Các đại biểu đã tập trung đánh giá đa chiều, toàn diện về tình hình triển khai công tác ngoại giao kinh tế của "
    "Việt Nam và Lào cũng như các tiềm năng hợp tác trong lĩnh vực này.",
    "Hai bên nhất trí duy trì, phát huy hiệu quả các cơ chế tham vấn cấp Bộ trưởng, Thứ trưởng và trao đổi thường "
    "xuyên giữa các đơn vị của hai Bộ Ngoại giao.",
    "Về định hướng hợp tác trong thời gian tới, hai bên thống nhất tập trung thực hiện tốt các thỏa thuận cấp cao và "
    "Hiệp định hợp tác 2021-2025.",
    "Hai bên cũng dành thời gian trao đổi về kế hoạch tổ chức các hoạt động kỷ niệm 60 năm thiết lập quan hệ ngoại "
    "giao và 45 năm ngày ký Hiệp ước hữu nghị và hợp tác giữa Việt Nam và Lào.",
]
RELATED = ["Tăng cường hợp tác giữa các địa phương hai nước Việt Nam - Lào", "Doanh nghiệp Việt Nam mở rộng đầu tư",
           "Sinh viên Lào đón Tết cổ truyền Bunpimay tại Hà Nội", "Hội hữu nghị tổ chức Đại hội nhiệm kỳ mới",
           "Hỗ trợ khẩn cấp cho người dân vùng lũ", "Chương trình giao lưu thanh niên hai nước"]


def _money(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.randint(1, 9)},{rng.randint(1, 99):02d} tỷ USD"
    return f"{rng.randint(100, 999)}{',' + str(rng.randint(1, 9)) if rng.random() < 0.3 else ''} triệu USD"


def _percent(rng: random.Random) -> str:
    return f"{rng.randint(2, 60)},{rng.randint(0, 9)}%"


def _event(rng: random.Random, n: int, place: str, vn: str, la: str, year: int) -> tuple[str, str]:
    """(title words, lead clause) of the meeting an article reports."""
    kind = rng.randrange(5)
    if kind == 0:
        ordinal = max(1, year - 1978 + rng.randint(0, 1))
        return (f"Kỳ họp lần thứ {ordinal} Ủy ban liên Chính phủ Việt Nam - Lào",
                f"Thủ tướng {vn} và Thủ tướng Lào {la} đồng chủ trì kỳ họp lần thứ {ordinal} Ủy ban liên Chính phủ "
                f"về hợp tác song phương Việt Nam - Lào tại {place}")
    if kind == 1:
        ordinal = max(1, year - 2014 + rng.randint(0, 1))
        return (f"Tham khảo chính trị Việt Nam - Lào lần thứ {ordinal}",
                f"Thứ trưởng Bộ Ngoại giao {vn} và Thứ trưởng Ngoại giao Lào {la} đồng chủ trì Tham khảo chính trị "
                f"lần thứ {ordinal} giữa Bộ Ngoại giao Việt Nam và Bộ Ngoại giao Lào tại {place}")
    if kind == 2:
        return ("Hội nghị giữa kỳ về hợp tác song phương Việt Nam - Lào",
                f"tại {place}, diễn ra Hội nghị giữa kỳ Ủy ban Hợp tác Việt Nam - Lào, do Bộ trưởng {vn} chủ trì")
    if kind == 3:
        return (f"Tọa đàm ngoại giao kinh tế tại {place}",
                f"Trợ lý Bộ trưởng {vn} và Vụ trưởng Vụ Kinh tế Bộ Ngoại giao Lào {la} đồng chủ trì Tọa đàm về "
                f"công tác ngoại giao kinh tế giữa hai Bộ Ngoại giao tại {place}")
    return (f"Việt Nam và Lào thúc đẩy {rng.choice(TOPICS)} tại {place}",
            f"tại {place}, {rng.choice(VN_ROLES)} {vn} đã tiếp {rng.choice(LA_ROLES)} {la} để trao đổi về "
            f"{rng.choice(TOPICS)}")


def article(n: int, rng: random.Random, used: set[str]) -> str:
    """One raw article as a scraper would have saved it."""
    year = rng.randint(1962, 2026)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    place, province = rng.choice(PLACES), rng.choice(PROVINCES)
    vn, la = rng.choice(VN_PEOPLE), rng.choice(LA_PEOPLE)
    title_words, lead = _event(rng, n, place, vn, la, year)
    title = f"{title_words}: {rng.choice(TOPICS)} và {rng.choice(TOPICS)}"
    if f"{year}-{month}-{day}-{slugify(title, 70)}" in used:  # the slug keeps the title's start: mark it there
        title = f"Bài {n}: {title}"
    used.add(f"{year}-{month}-{day}-{slugify(title, 70)}")
    dateline, byline, url = rng.choice(OUTLETS)
    lines: list[str] = []
    if rng.random() < 0.5:
        lines += rng.sample(CHROME, 2) + [""]
    if rng.random() < 0.4:
        lines += [f"{rng.randint(7, 20):02d}:{rng.randint(0, 59):02d} | {day:02d}/{month:02d}/{year} GMT+7", ""]
    lines += [title, ""]
    caption = f"{vn} phát biểu tại {place}. (Ảnh: {rng.choice(['VGP', 'TTXVN', 'VOV'])})"
    if rng.random() < 0.5:
        lines += [caption, caption if rng.random() < 0.5 else ""]
    lines += [f"{dateline}{rng.choice(['Sáng', 'Chiều', 'Ngày'])} {day}/{month}, {lead}.", ""]
    if rng.random() < 0.3:
        teaser = rng.choice(RELATED)
        lines += [f"{teaser} {teaser}", f"Ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}, {rng.choice(FILLERS)}"]
    body = [
        f"Năm {year}, kim ngạch thương mại hai chiều đạt {_money(rng)}, tăng {_percent(rng)} so với năm {year - 1}.",
        f"Việt Nam có {rng.randint(100, 260)} dự án đầu tư tại Lào với tổng vốn đăng ký khoảng {_money(rng)}.",
        f"Phát biểu tại hội nghị, {rng.choice(LA_ROLES)} {la} đánh giá cao sự hỗ trợ của Việt Nam; tỉnh {province} "
        f"và các địa phương của Lào sẽ đẩy mạnh hợp tác.",
        f"Ông {rng.choice(['Trần', 'Lê', 'Phan', 'Bùi'])} {rng.choice(['Văn', 'Minh', 'Đức'])} "
        f"{rng.choice(['Nam', 'Long', 'Thắng', 'Tùng'])}, {rng.choice(VN_ROLES)}, cho biết 6 tháng đầu năm nay "
        f"vốn đầu tư đạt hơn {_money(rng)}.",
    ]
    body += rng.sample(FILLERS, rng.randint(2, 5))
    rng.shuffle(body)
    if rng.random() < 0.3:
        body.insert(1, f"Trước đó, chuyến thăm chính thức Việt Nam của {rng.choice(LA_ROLES)} {la} "
                       f"(ngày {day}-{min(day + 1, 28)}/{month}/{year}) đã thành công tốt đẹp.")
    for paragraph in body:
        lines += [paragraph, ""]
    if byline:
        lines += [byline.format(author=rng.choice(AUTHORS)), "Nguồn:"]
    if url:
        lines.append("Xem thêm: " + url.format(slug=slugify(title, 50), n=900000 + n)[::-1])
    lines += ["", rng.choice(MARKERS), ""]
    for teaser in rng.sample(RELATED, 3):
        lines += [teaser, "", teaser, f"Ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}, {rng.choice(FILLERS)}"]
    lines += ["Phiên bản di động", ""]
    return "\n".join(lines)


def generate(count: int, out: Path, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    paths = []
    for n in range(count):
        path = out / f"synth_{n:05d}.txt"
        path.write_text(article(n, rng, used), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m build_archive.synth", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.count, args.out, args.seed)
    print(f"{args.count} articles written to {args.out}")


if __name__ == "__main__":
    main()
