// A term chosen from the vocabulary (or typed) is added as a new line of the list next to it.
document.querySelectorAll(".vocabulary-picker").forEach((picker) => {
  const input = picker.querySelector("input");
  const area = document.getElementById(picker.dataset.target);
  const add = () => {
    const value = input.value.trim();
    if (!value || !area) return;
    const lines = area.value.split("\n").map((line) => line.trim()).filter(Boolean);
    if (!lines.some((line) => line.toLowerCase() === value.toLowerCase())) lines.push(value);
    area.value = lines.join("\n");
    input.value = "";
    input.focus();
  };
  picker.querySelector("button").addEventListener("click", add);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    }
  });
});
